import { Component, type ComponentChildren } from 'preact';
import { consoleI18n } from '../../lib/i18n';
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
    // A class component: the words are read at render time (the shell re-renders on a language change).
    const { t } = consoleI18n.current();
    return (
      <div class={style.box} role="alert" data-testid="error-boundary">
        <h2>{t('common.crashTitle')}</h2>
        <p>{this.state.error.message || t('common.crashUnexpected')}</p>
        <p class={style.hint}>{t('common.crashHint')}</p>
        <button type="button" class="btn btn-primary" onClick={() => location.reload()}>
          {t('common.reload')}
        </button>
      </div>
    );
  }
}
