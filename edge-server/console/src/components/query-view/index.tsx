import type { ComponentChildren } from 'preact';
import { ApiError, describeError } from '../../lib/api-error';
import type { Query } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

export function Loading({ label }: { label?: string }) {
  const { t } = useT();
  return (
    <div class={style.loading} role="status" aria-live="polite" data-testid="loading">
      <span class={style.spinner} aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

export function ErrorNotice({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useT();
  // Retrying helps with a network blip or a server error, not with "no such customer".
  const retryable = !(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.status === 429;
  return (
    <div class={style.error} role="alert" data-testid="error-notice">
      <strong>{t('common.couldNotLoad')}</strong> <span>{describeError(error)}</span>
      {error instanceof ApiError && error.code.startsWith('VITRINA_ERR') && <code class={style.code}>{error.code}</code>}
      {onRetry && retryable && (
        <button type="button" class="btn btn-small" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}

/** The feature's API route does not exist on this server (404): say so plainly. */
export function NotAvailable({ what }: { what: string }) {
  const { t } = useT();
  return (
    <div class={style.empty} data-testid="not-available">
      <h3>{t('common.notAvailableTitle')}</h3>
      <p>{t('common.notAvailableText', { what })}</p>
    </div>
  );
}

export function EmptyState({ title, children, testId = 'empty-state' }: { title: string; children?: ComponentChildren; testId?: string }) {
  return (
    <div class={style.empty} data-testid={testId}>
      <h3>{title}</h3>
      {children && <div>{children}</div>}
    </div>
  );
}

interface Props<T> {
  query: Query<T>;
  /** Used in the "not available on this server" message. */
  what: string;
  children: (data: T) => ComponentChildren;
}

/** Renders a query's loading, error, "not available" (404) or data state. */
export function QueryView<T>({ query, what, children }: Props<T>) {
  const { data, error, loading, reload } = query;
  if (error instanceof ApiError && error.isNotAvailable) return <NotAvailable what={what} />;
  if (data === undefined) {
    if (error) return <ErrorNotice error={error} onRetry={reload} />;
    if (loading) return <Loading />;
    return null;
  }
  return (
    <>
      {error && <ErrorNotice error={error} onRetry={reload} />}
      {children(data)}
    </>
  );
}
