import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ROUTES, type AnyImportJob, type Reply } from '@vitrina/contracts';
import { api } from './api';
import { ApiError, networkError } from './api-error';
import { routeUrl } from './route-url';
import { sendFile } from './send-file';

/** How often a running import is asked how far it came. */
const POLL_MS = 1000;
/** The jobs list, when nothing runs: a job started elsewhere (another console, the API) shows up within this. */
const IDLE_POLL_MS = 5000;

/** The routes that start an import job: receipts, members, catalogue. */
export type JobRoute = typeof ROUTES.imports.receiptsJob | typeof ROUTES.imports.membersJob | typeof ROUTES.imports.catalogJob;
export type JobOf<R extends JobRoute> = Reply<R> & Pick<AnyImportJob, 'jobId' | 'status'>;

export interface ImportJobState<J> {
  /** The job as last read: running (with progress), then done, cancelled or failed (with the report or error). */
  job: J | null;
  /** Uploading the file (before the job exists): bytes sent and the file's size. */
  upload: { sent: number; total: number } | null;
  cancelling: boolean;
  error: ApiError | null;
  /** Uploads the file, starts its job and follows it until it ends; resolves with the ended job, or the error that stopped the upload or the polling. */
  start(file: Blob, query?: Record<string, string | undefined>): Promise<{ job: J } | { error: ApiError }>;
  cancel(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An import as a background job: the file is uploaded (with progress; the server stores it and
 * answers with the job at once), then the job is polled until it ends. Leaving the page stops
 * the polling, not the import (the jobs list shows it again).
 */
export function useImportJob<R extends JobRoute>(route: R): ImportJobState<JobOf<R>> {
  const [job, setJob] = useState<JobOf<R> | null>(null);
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; }, []);
  const asApiError = (err: unknown) => (err instanceof ApiError ? err : networkError());

  const start = useCallback(async (file: Blob, query: Record<string, string | undefined> = {}): Promise<{ job: JobOf<R> } | { error: ApiError }> => {
    setJob(null);
    setError(null);
    setUpload({ sent: 0, total: file.size });
    let current: JobOf<R>;
    try {
      current = await sendFile<JobOf<R>>({ method: route.method, url: routeUrl(route, { query }), contentType: route.contentType, file, onProgress: (sent, total) => setUpload({ sent, total }) });
    } catch (err) {
      const error = asApiError(err);
      setError(error);
      return { error };
    } finally {
      setUpload(null);
    }
    setJob(current);
    while (current.status === 'running' && mounted.current) {
      await sleep(POLL_MS);
      try {
        current = (await api.call(ROUTES.imports.job, { params: { jobId: current.jobId } })) as JobOf<R>;
      } catch (err) {
        const error = asApiError(err);
        setError(error);
        return { error };
      }
      if (mounted.current) setJob(current);
    }
    return { job: current };
  }, [route]);

  const cancel = useCallback(async () => {
    if (!job) return;
    setCancelling(true);
    try {
      setJob((await api.call(ROUTES.imports.cancelJob, { params: { jobId: job.jobId } })) as JobOf<R>);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setCancelling(false);
    }
  }, [job]);

  return { job, upload, cancelling, error, start, cancel };
}

/** Every import job the server remembers, newest first; asked again every second while one runs, else every few seconds. */
export function useImportJobs(): { jobs: AnyImportJob[]; error: ApiError | null; cancel(jobId: string): Promise<void> } {
  const [jobs, setJobs] = useState<AnyImportJob[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const again = (ms: number) => { if (!stop) timer = setTimeout(() => setTick((n) => n + 1), ms); };
    void api.call(ROUTES.imports.jobs).then((r) => {
      if (stop) return;
      setJobs(r.jobs);
      setError(null);
      again(r.jobs.some((j) => j.status === 'running') ? POLL_MS : IDLE_POLL_MS);
    }, (err: unknown) => {
      if (stop) return;
      setError(err instanceof ApiError ? err : networkError());
      again(IDLE_POLL_MS);
    });
    return () => {
      stop = true;
      if (timer) clearTimeout(timer);
    };
  }, [tick]);
  const cancel = useCallback(async (jobId: string) => {
    try {
      await api.call(ROUTES.imports.cancelJob, { params: { jobId } });
    } catch (err) {
      setError(err instanceof ApiError ? err : networkError());
    }
    setTick((n) => n + 1);
  }, []);
  return { jobs, error, cancel };
}
