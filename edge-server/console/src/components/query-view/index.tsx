import type { ComponentChildren } from 'preact';
import { ApiError } from '../../lib/api-error';
import type { Query } from '../../lib/use-api';
import style from './style.module.css';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div class={style.loading} role="status" aria-live="polite" data-testid="loading">
      <span class={style.spinner} aria-hidden="true" />
      {label}
    </div>
  );
}

export function ErrorNotice({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  // Retrying helps with a network blip or a server error, not with "no such customer".
  const retryable = !(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.status === 429;
  return (
    <div class={style.error} role="alert" data-testid="error-notice">
      <strong>Could not load this.</strong> <span>{error.message}</span>
      {error instanceof ApiError && error.code.startsWith('VITRINA_ERR') && <code class={style.code}>{error.code}</code>}
      {onRetry && retryable && (
        <button type="button" class="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** The feature's API route does not exist on this server (404): say so plainly. */
export function NotAvailable({ what }: { what: string }) {
  return (
    <div class={style.empty} data-testid="not-available">
      <h3>Not available on this server</h3>
      <p>
        This store server does not offer {what} yet. Once it is updated, this page fills in by itself.
      </p>
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
