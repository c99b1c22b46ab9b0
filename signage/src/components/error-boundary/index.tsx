import { Component, type ComponentChildren } from 'preact';
import { CRASH_RELOAD_MS } from '../../config';
import styles from './style.module.css';

interface Props {
  children: ComponentChildren;
}
interface State {
  crashed: boolean;
}

/**
 * Root error boundary: a screen must never sit on a blank or broken page. It shows a
 * friendly screen and reloads the app after a few seconds.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { crashed: false };
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  static override getDerivedStateFromError(): State {
    return { crashed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('signage crashed, reloading', error);
    this.reloadTimer ??= setTimeout(() => window.location.reload(), CRASH_RELOAD_MS);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.reloadTimer);
  }

  override render() {
    if (!this.state.crashed) return this.props.children;
    return (
      <main class={styles.crash} data-testid="app-crashed" role="alert">
        <h1>Sorry, something went wrong</h1>
        <p>This screen will restart in a few seconds.</p>
      </main>
    );
  }
}
