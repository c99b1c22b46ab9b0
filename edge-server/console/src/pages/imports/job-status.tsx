import type { ComponentChildren } from 'preact';
import type { ApiError } from '../../lib/api-error';
import { describeError } from '../../lib/api-error';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

interface JobLike {
  status: 'running' | 'done' | 'cancelled' | 'failed';
  error: { code: string; message: string } | null;
}

/**
 * What every import panel shows about its job: the upload's bar, the running job's progress
 * (given by the panel) with a cancel button, why it failed, that it was cancelled (the panel's
 * words: what a cancel keeps differs by kind), or the request's error.
 */
export function JobStatus({ testId, job, upload, error, cancelling, onCancel, running, cancelled }: {
  testId: string;
  job: JobLike | null;
  upload: { sent: number; total: number } | null;
  error: ApiError | null;
  cancelling: boolean;
  onCancel: () => void;
  /** The running job's progress, in the panel's words. */
  running: ComponentChildren;
  /** What the cancel kept. */
  cancelled: string;
}) {
  const { t, fmt } = useT();
  const pct = upload && upload.total > 0 ? Math.min(100, Math.round((upload.sent / upload.total) * 100)) : 0;
  return (
    <>
      {upload && (
        <div class={style.progress}>
          <progress max={100} value={pct} aria-label={t('imports.job.uploadProgress')} data-testid={`${testId}-upload`} />
          <span class="muted">{t('imports.job.uploaded', { pct: fmt.count(pct) })}</span>
        </div>
      )}
      {job?.status === 'running' && (
        <div class={style.progress}>
          <p role="status" data-testid={`${testId}-progress`}>{running}</p>
          <button type="button" class="btn" disabled={cancelling} onClick={onCancel} data-testid={`${testId}-cancel`}>
            {cancelling ? t('imports.job.cancelling') : t('imports.job.cancel')}
          </button>
        </div>
      )}
      {error && <p class={style.error} role="alert" data-testid={`${testId}-error`}>{describeError(error)}{` [${error.code}]`}</p>}
      {job?.status === 'failed' && job.error && (
        <p class={style.error} role="alert" data-testid={`${testId}-failed`}>{t('imports.job.failed', { message: job.error.message, code: job.error.code })}</p>
      )}
      {job?.status === 'cancelled' && <p role="status" data-testid={`${testId}-cancelled`}>{cancelled}</p>}
    </>
  );
}
