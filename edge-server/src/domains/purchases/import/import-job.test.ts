import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { build } from '../../../test-support/build.js';
import { seedLoyaltyStore } from '../../../test-support/loyalty-store.js';

const HEADER = 'receipt_id,store_time,customer_id,product_id,quantity,unit_price_minor,discount_minor';
const csvOf = (n: number) => [HEADER, ...Array.from({ length: n }, (_, i) => `j${i},2026-01-05T12:00:00Z,cust-1,p-milk,1,349,0`)].join('\n');

async function setup() {
  const t = await build();
  await seedLoyaltyStore(t.services);
  const count = async () => (await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM receipts'))!.n;
  return { ...t, count };
}

describe('receipts import as a background job', () => {
  it('answers 202 with a job id at once, then reports progress and the import report (admin only)', async () => {
    const t = await setup();
    const admin = await t.staffHeaders('admin');
    const bad = 'j-bad,2026-01-05T12:00:00Z,cust-9,p-milk,1,349,0';
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/receipts/jobs', headers: { ...admin, 'content-type': 'text/csv' }, payload: `${csvOf(30)}\n${bad}\n` });
    expect(res.statusCode).toBe(202);
    const started = res.json();
    expect(started).toMatchObject({ kind: 'receipts-import', status: 'running', report: null, error: null });
    let job = started;
    while (job.status === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      job = (await t.app.inject({ method: 'GET', url: `/api/v1/imports/jobs/${started.jobId}`, headers: admin })).json();
    }
    expect(job).toMatchObject({ status: 'done', progress: { linesRead: 31, receiptsImported: 30, rowsRejected: 1 }, report: { receiptsImported: 30, rowsRejected: 1 } });
    expect(job.report.rejected[0].reason).toBe('unknown customer cust-9');
    expect(job.finishedAt).not.toBeNull();
    expect(await t.count()).toBe(30);
    // Cancelling an ended job changes nothing.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/imports/jobs/${started.jobId}/cancel`, headers: admin })).json()).toMatchObject({ status: 'done' });

    const staff = await t.staffHeaders('staff');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/imports/jobs/${started.jobId}`, headers: staff })).statusCode).toBe(403);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/imports/jobs/job_nope', headers: admin });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('VITRINA_ERR_JOB_UNKNOWN');
  });

  it('a job whose file is unreadable ends failed with the reason and writes nothing', async () => {
    const t = await setup();
    const admin = await t.staffHeaders('admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/receipts/jobs', headers: { ...admin, 'content-type': 'text/csv' }, payload: 'id,when\nx,y\n' });
    const job = await t.services.jobs.cancel(res.json().jobId).then(() => t.services.jobs.get(res.json().jobId));
    expect(job).toMatchObject({ status: 'failed', error: { code: 'VITRINA_ERR_IMPORT_INVALID' } });
    expect(await t.count()).toBe(0);
  });

  it('a cancel keeps the whole batches committed before it, nothing half-written, and a re-run completes the file', async () => {
    const t = await setup();
    const controller = new AbortController();
    const opts = { storeId: 'test', timeZone: 'America/New_York', batchLines: 10, signal: controller.signal };
    // Cancelled after the second batch has committed.
    let batches = 0;
    const report = await t.services.purchases.importCsv(Readable.from([csvOf(45)]), { ...opts, onProgress: () => { if (++batches === 2) controller.abort(); } });
    expect(report).toMatchObject({ cancelled: true, receiptsImported: 20 });
    expect(await t.count()).toBe(20);
    const lines = await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM receipt_lines');
    expect(lines!.n).toBe(20);
    const rerun = await t.services.purchases.importCsv(Readable.from([csvOf(45)]), { storeId: 'test', timeZone: 'America/New_York', batchLines: 10 });
    expect(rerun).toMatchObject({ receiptsImported: 25, receiptsSkippedExisting: 20 });
    expect(rerun.cancelled).toBeUndefined();
    expect(await t.count()).toBe(45);
  });

  it('the jobs service: cancel asks the running job to stop and waits; the outcome is stored', async () => {
    const t = await setup();
    const job = await t.services.jobs.start('receipts-import', { n: 0 }, ({ signal, progress }) => new Promise<{ cancelled?: boolean }>((resolve) => {
      progress({ n: 1 });
      signal.addEventListener('abort', () => resolve({ cancelled: true }));
    }));
    expect((await t.services.jobs.get(job.jobId)).progress).toEqual({ n: 1 });
    const cancelled = await t.services.jobs.cancel(job.jobId);
    expect(cancelled).toMatchObject({ status: 'cancelled', report: { cancelled: true } });
    expect(await t.services.jobs.get(job.jobId)).toMatchObject({ status: 'cancelled', progress: { n: 1 } });
  });
});
