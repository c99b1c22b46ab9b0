import { Component, type ComponentChildren } from 'preact';
import style from './style.module.css';

interface Props {
  children: ComponentChildren;
  /** Changing this (e.g. the route) clears a caught error, so navigating away recovers. */
  resetKey?: string;
}
interface State {
  error: Error | null;
  resetKey?: string;
}

/** Catches render errors so one broken page never blanks the whole console. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static override getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static override getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: unknown) {
    console.error('Console page crashed', error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div class={style.box} role="alert" data-testid="error-boundary">
        <h2>This page ran into a problem</h2>
        <p>{this.state.error.message || 'Unexpected error.'}</p>
        <p class={style.hint}>Your data is safe. Reload the page; if it happens again, tell your administrator what you were doing.</p>
        <button type="button" class="btn btn-primary" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
