import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ROUTES, type ImportJob } from '@vitrina/contracts';
import { api } from './api';
import { ApiError, networkError } from './api-error';

/** How often a running import is asked how far it came. */
const POLL_MS = 1000;

export interface ImportJobState {
  /** The job as last read: running (with progress), then done, cancelled or failed (with the report or error). */
  job: ImportJob | null;
  /** Uploading the file (before the job exists). */
  uploading: boolean;
  cancelling: boolean;
  error: ApiError | null;
  start(file: Blob): Promise<void>;
  cancel(): Promise<void>;
}

/**
 * A receipts import as a background job: the file is uploaded (the server stores it and answers
 * with the job at once), then the job is polled until it ends. Leaving the page stops the polling,
 * not the import.
 */
export function useImportJob(): ImportJobState {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [uploading, setUploading] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const asApiError = (err: unknown) => (err instanceof ApiError ? err : networkError());

  const poll = useCallback((jobId: string) => {
    timer.current = setTimeout(async () => {
      try {
        const next = await api.call(ROUTES.imports.job, { params: { jobId } });
        setJob(next);
        if (next.status === 'running') poll(jobId);
      } catch (err) {
        setError(asApiError(err));
      }
    }, POLL_MS);
  }, []);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  const start = useCallback(async (file: Blob) => {
    if (timer.current) clearTimeout(timer.current);
    setJob(null);
    setError(null);
    setUploading(true);
    try {
      const started = await api.upload(ROUTES.imports.receiptsJob, file);
      setJob(started);
      if (started.status === 'running') poll(started.jobId);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setUploading(false);
    }
  }, [poll]);

  const cancel = useCallback(async () => {
    if (!job) return;
    setCancelling(true);
    try {
      if (timer.current) clearTimeout(timer.current);
      setJob(await api.call(ROUTES.imports.cancelJob, { params: { jobId: job.jobId } }));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setCancelling(false);
    }
  }, [job]);

  return { job, uploading, cancelling, error, start, cancel };
}
