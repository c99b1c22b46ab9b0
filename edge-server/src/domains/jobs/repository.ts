import type { Database } from '../../platform/db/database.js';

export type JobStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface JobRow {
  id: string;
  kind: string;
  label: string | null;
  status: JobStatus;
  started_at: string;
  finished_at: string | null;
  progress_json: string;
  report_json: string | null;
  error_json: string | null;
}

/** The `jobs` table. Every write goes in the bulk lane: a job's bookkeeping never delays a till. */
export class JobsRepository {
  constructor(private readonly db: Database) {}

  async insert(id: string, kind: string, label: string | null, startedAt: string) {
    await this.db.run("INSERT INTO jobs (id, kind, label, status, started_at) VALUES (?, ?, ?, 'running', ?)", [id, kind, label, startedAt], { priority: 'bulk' });
  }

  async saveProgress(id: string, progress: unknown) {
    await this.db.run("UPDATE jobs SET progress_json = ? WHERE id = ? AND status = 'running'", [JSON.stringify(progress), id], { priority: 'bulk' });
  }

  async finish(id: string, status: Exclude<JobStatus, 'running'>, progress: unknown, report: unknown, error: unknown) {
    await this.db.run('UPDATE jobs SET status = ?, finished_at = ?, progress_json = ?, report_json = ?, error_json = ? WHERE id = ?',
      [status, new Date().toISOString(), JSON.stringify(progress), report === null ? null : JSON.stringify(report), error === null ? null : JSON.stringify(error), id], { priority: 'bulk' });
  }

  /** Jobs a stopped server left running cannot go on: they end as failed at the next start. */
  async failInterrupted() {
    await this.db.run(`UPDATE jobs SET status = 'failed', finished_at = ?, error_json = ? WHERE status = 'running'`,
      [new Date().toISOString(), JSON.stringify({ code: 'VITRINA_ERR_INTERNAL', message: 'The server stopped while the job ran; the batches committed before stay, run it again to complete it.' })], { priority: 'bulk' });
  }

  /** The latest jobs, newest first (the console's list). */
  latest(limit: number) {
    return this.db.all<JobRow>('SELECT * FROM jobs ORDER BY started_at DESC, id LIMIT ?', [limit]);
  }

  byId(id: string) {
    return this.db.get<JobRow>('SELECT * FROM jobs WHERE id = ?', [id]);
  }
}
