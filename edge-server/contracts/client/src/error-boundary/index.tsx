import { Component, type ComponentChildren } from 'preact';
import { sharedT, type Language } from '@vitrina/contracts/locale';
import styles from './style.module.css';

interface Props {
  /** Which app crashed ("kiosk", "signage"), for the console log. */
  app: string;
  /** How long the crash screen stays before the page reloads. */
  reloadAfterMs: number;
  /** The store's language, for the crash screen's words. */
  language: Language;
  children: ComponentChildren;
}
interface State {
  crashed: boolean;
}

/**
 * Root error boundary: a device in a store must never sit on a blank or broken page. It
 * shows a friendly screen and reloads the app after a few seconds.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { crashed: false };
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  static override getDerivedStateFromError(): State {
    return { crashed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(`${this.props.app} crashed, reloading`, error);
    this.reloadTimer ??= setTimeout(() => window.location.reload(), this.props.reloadAfterMs);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.reloadTimer);
  }

  override render() {
    if (!this.state.crashed) return this.props.children;
    const t = sharedT(this.props.language);
    return (
      <main class={styles.crash} data-testid="app-crashed" role="alert">
        <h1>{t('device.crashTitle')}</h1>
        <p>{t('device.crashText')}</p>
      </main>
    );
  }
}
