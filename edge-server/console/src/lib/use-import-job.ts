import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ROUTES, type AnyImportJob, type Reply } from '@vitrina/contracts';
import { api } from './api';
import { ApiError, networkError } from './api-error';
import { routeUrl } from './route-url';
import { sendFile } from './send-file';

/** How often a running import is asked how far it came. */
const POLL_MS = 1000;

/** The routes that start an import job: receipts, members, catalogue. */
export type JobRoute = typeof ROUTES.imports.receiptsJob | typeof ROUTES.imports.membersJob | typeof ROUTES.imports.catalogJob;
export type JobOf<R extends JobRoute> = Reply<R>;

export interface ImportJobState<J> {
  /** The job as last read: running (with progress), then done, cancelled or failed (with the report or error). */
  job: J | null;
  /** Uploading the file (before the job exists): bytes sent and the file's size. */
  upload: { sent: number; total: number } | null;
  cancelling: boolean;
  error: ApiError | null;
  /** Uploads the file, starts its job and follows it until it ends; resolves with the ended job (null if the upload failed). */
  start(file: Blob, query?: Record<string, string | undefined>): Promise<J | null>;
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

  const start = useCallback(async (file: Blob, query: Record<string, string | undefined> = {}) => {
    setJob(null);
    setError(null);
    setUpload({ sent: 0, total: file.size });
    let current: JobOf<R>;
    try {
      current = await sendFile<JobOf<R>>({ method: route.method, url: routeUrl(route, { query }), contentType: route.contentType, file, onProgress: (sent, total) => setUpload({ sent, total }) });
    } catch (err) {
      setError(asApiError(err));
      return null;
    } finally {
      setUpload(null);
    }
    setJob(current);
    while (current.status === 'running' && mounted.current) {
      await sleep(POLL_MS);
      try {
        current = (await api.call(ROUTES.imports.job, { params: { jobId: current.jobId } })) as JobOf<R>;
      } catch (err) {
        setError(asApiError(err));
        return null;
      }
      if (mounted.current) setJob(current);
    }
    return current;
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

/** Every import job the server remembers (running first in time order, newest first), polled while one runs. */
export function useImportJobs(refreshKey: unknown): { jobs: AnyImportJob[]; error: ApiError | null; cancel(jobId: string): Promise<void> } {
  const [jobs, setJobs] = useState<AnyImportJob[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    void api.call(ROUTES.imports.jobs).then((r) => {
      if (stop) return;
      setJobs(r.jobs);
      setError(null);
      if (r.jobs.some((j) => j.status === 'running')) timer = setTimeout(() => setTick((t) => t + 1), POLL_MS);
    }, (err: unknown) => { if (!stop) setError(err instanceof ApiError ? err : networkError()); });
    return () => {
      stop = true;
      if (timer) clearTimeout(timer);
    };
  }, [tick, refreshKey]);
  const cancel = useCallback(async (jobId: string) => {
    try {
      await api.call(ROUTES.imports.cancelJob, { params: { jobId } });
    } catch (err) {
      setError(err instanceof ApiError ? err : networkError());
    }
    setTick((t) => t + 1);
  }, []);
  return { jobs, error, cancel };
}
