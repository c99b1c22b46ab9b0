import { randomUUID } from 'node:crypto';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { JobsRepository, type JobRow, type JobStatus } from './repository.js';

/** What a running job gets: its cancel signal and a way to say how far it came. */
export interface JobContext<P> {
  signal: AbortSignal;
  progress(p: P): void;
}

export interface JobView<P, R> {
  jobId: string;
  kind: string;
  /** What the job works on (the uploaded file's name), when the starter gave one. */
  label: string | null;
  status: JobStatus;
  startedAt: string;
  finishedAt: string | null;
  progress: P;
  report: R | null;
  error: { code: string; message: string } | null;
}

interface Running {
  view: JobView<unknown, unknown>;
  abort: AbortController;
  done: Promise<void>;
  savedAt: number;
}

/** How a job is started: what it is called, and what to do once it ended (remove its upload). */
export interface JobStartOptions<R = unknown> {
  label?: string | null;
  cleanup?: () => void;
  /**
   * The report as the jobs table keeps it, when that must differ from the one shown while the
   * server remembers the job (a members import leaves out the old program's member ids).
   */
  stored?: (report: R) => unknown;
}

/** Ended jobs kept in memory with their full report (the console reads it right after the end). */
const REMEMBER_ENDED = 20;

/** Progress reaches the table at most this often (polling reads the live value from memory). */
const SAVE_PROGRESS_MS = 2000;

/**
 * Background jobs: `start` returns at once with the job's id; the work runs on, its progress kept
 * in memory (and in `jobs` every few seconds), its report or error stored when it ends. A job
 * decides what a cancel keeps (a receipts import: the batches it committed); `cancel` only asks.
 */
export class JobsService {
  private readonly running = new Map<string, Running>();
  /** The latest ended jobs, oldest first: their views as the job returned them. */
  private readonly ended = new Map<string, JobView<unknown, unknown>>();

  constructor(private readonly repo: JobsRepository, private readonly log: { error(obj: unknown, msg: string): void }) {}

  /** At start-up: jobs that were running when the server stopped are marked failed. */
  recover() {
    return this.repo.failInterrupted();
  }

  async start<P, R extends { cancelled?: boolean }>(kind: string, initial: P, work: (ctx: JobContext<P>) => Promise<R>, opts: JobStartOptions<R> = {}): Promise<JobView<P, R>> {
    const jobId = `job_${randomUUID()}`;
    const startedAt = new Date().toISOString();
    const label = opts.label?.slice(0, 200) || null;
    try {
      await this.repo.insert(jobId, kind, label, startedAt);
    } catch (err) {
      opts.cleanup?.();
      throw err;
    }
    const view: JobView<P, R> = { jobId, kind, label, status: 'running', startedAt, finishedAt: null, progress: initial, report: null, error: null };
    const abort = new AbortController();
    const entry: Running = { view: view as JobView<unknown, unknown>, abort, done: Promise.resolve(), savedAt: Date.now() };
    const ctx: JobContext<P> = {
      signal: abort.signal,
      progress: (p) => {
        view.progress = p;
        if (Date.now() - entry.savedAt < SAVE_PROGRESS_MS) return;
        entry.savedAt = Date.now();
        this.repo.saveProgress(jobId, p).catch((err) => this.log.error({ err, jobId }, 'job progress write failed'));
      },
    };
    entry.done = (async () => {
      try {
        const report = await work(ctx);
        Object.assign(view, { status: report.cancelled ? 'cancelled' : 'done', report });
      } catch (err) {
        if (!(err instanceof VitrinaError)) this.log.error({ err, jobId }, 'job failed');
        const info = err instanceof VitrinaError ? err.toInfo() : { code: 'VITRINA_ERR_INTERNAL', message: 'The job failed.' };
        Object.assign(view, { status: 'failed', error: { code: info.code, message: info.message } });
      } finally {
        opts.cleanup?.();
      }
      view.finishedAt = new Date().toISOString();
      const stored = view.report !== null && opts.stored ? opts.stored(view.report) : view.report;
      await this.repo.finish(jobId, view.status as Exclude<JobStatus, 'running'>, view.progress, stored, view.error)
        .catch((err) => this.log.error({ err, jobId }, 'job result write failed'));
      this.remember(view as JobView<unknown, unknown>);
      this.running.delete(jobId);
    })();
    this.running.set(jobId, entry);
    return { ...view };
  }

  async get(jobId: string): Promise<JobView<unknown, unknown>> {
    const live = this.running.get(jobId)?.view ?? this.ended.get(jobId);
    if (live) return { ...live };
    const row = await this.repo.byId(jobId);
    if (!row) throw new VitrinaError('VITRINA_ERR_JOB_UNKNOWN');
    return viewOf(row);
  }

  /** The jobs running now and the latest ended ones, newest first; a running job shows its live progress. */
  async list(limit = 20): Promise<Array<JobView<unknown, unknown>>> {
    const rows = await this.repo.latest(limit);
    return rows.map((row) => {
      const live = this.running.get(row.id)?.view ?? this.ended.get(row.id);
      return live ? { ...live } : viewOf(row);
    });
  }

  /** Asks a running job to stop and waits until it has; an ended job is returned as it is. */
  async cancel(jobId: string) {
    const live = this.running.get(jobId);
    if (live) {
      live.abort.abort();
      await live.done;
    }
    return this.get(jobId);
  }

  private remember(view: JobView<unknown, unknown>) {
    this.ended.set(view.jobId, view);
    for (const id of this.ended.keys()) {
      if (this.ended.size <= REMEMBER_ENDED) break;
      this.ended.delete(id);
    }
  }

  /** Graceful shutdown: cancels what runs and waits for it to end (its result is stored). */
  async close() {
    await Promise.all([...this.running.values()].map((r) => {
      r.abort.abort();
      return r.done;
    }));
  }
}

function viewOf(row: JobRow): JobView<unknown, unknown> {
  return {
    jobId: row.id, kind: row.kind, label: row.label, status: row.status, startedAt: row.started_at, finishedAt: row.finished_at,
    progress: JSON.parse(row.progress_json) as unknown,
    report: row.report_json === null ? null : JSON.parse(row.report_json) as unknown,
    error: row.error_json === null ? null : JSON.parse(row.error_json) as { code: string; message: string },
  };
}
