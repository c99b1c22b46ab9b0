import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Ack, IdentifyResult } from '@vitrina/contracts';
import { makeEan13 } from '../../domains/cards/index.js';
import { build, type TestApp } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import { connectDevice, emitAck } from '../../test-support/sockets.js';
import { MEMBER_COLUMNS } from './member-row.js';

const HEADER = MEMBER_COLUMNS.join(',');
const card = (n: number) => makeEan13('2771', n);
/** A member row in header order: external id, a card, program consent, 10 opening points. */
const member = (id: string, cardNo: string) => `${id},First,Last,,${cardNo},,,1,0,1,2024-03-01,terms-2024,10`;
const membersFile = (n: number) => [HEADER, ...Array.from({ length: n }, (_, i) => member(`M${i}`, card(i)))].join('\n') + '\n';

async function setup() {
  const t = await build();
  const admin = await t.staffHeaders('admin');
  const count = async (table: string) => (await t.services.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n;
  const startJob = (body: string, query = '') =>
    t.app.inject({ method: 'POST', url: `/api/v1/imports/members/jobs${query}`, headers: { ...admin, 'content-type': 'text/csv' }, payload: body });
  const job = async (jobId: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/imports/jobs/${jobId}`, headers: admin })).json();
  const untilEnded = async (jobId: string) => {
    for (;;) {
      const j = await job(jobId);
      if (j.status !== 'running') return j;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { ...t, admin, count, startJob, job, untilEnded };
}

const spoolFiles = (t: TestApp) => {
  const dir = join(t.dataDir, 'imports');
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe('members import as a background job', () => {
  it('answers 202 at once, then reports progress and the report with every bad row by line and code; the jobs table keeps no member ids', async () => {
    const t = await setup();
    const badCheckDigit = card(7).slice(0, 12) + String((Number(card(7)[12]) + 1) % 10);
    const body = [HEADER, member('OK-1', card(1)), member('BAD-CHECK', badCheckDigit), member('OK-2', card(2)), member('DUP-CARD', card(2)), `OK-3,A,B,,${card(3)},,,0,0,0,2024-03-01,t,0`].join('\n');
    const res = await t.startJob(body, '?name=members.csv');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ kind: 'members-import', label: 'members.csv', status: 'running', report: null });
    const job = await t.untilEnded(res.json().jobId);
    expect(job).toMatchObject({ status: 'done', progress: { rowsRead: 5, membersImported: 2, rowsRejected: 3 }, report: { membersImported: 2, openingPointsCredited: 20, rowsRejected: 3 } });
    expect(job.report.rejected.map((r: { line: number; code: string; externalId: string | null }) => [r.line, r.code, r.externalId])).toEqual([
      [3, 'VITRINA_ERR_CARD_INVALID', 'BAD-CHECK'], [5, 'VITRINA_ERR_CONFLICT', 'DUP-CARD'], [6, 'VITRINA_ERR_CONSENT_REQUIRED', 'OK-3'],
    ]);
    expect(await t.count('customers')).toBe(2);
    // The report as stored: lines, codes and reasons, without the old program's member ids (kept only as HMACs).
    const row = await t.services.db.get<{ report_json: string }>('SELECT report_json FROM jobs WHERE id = ?', [job.jobId]);
    expect(JSON.parse(row!.report_json).rejected.map((r: { line: number; code: string; externalId: string | null }) => [r.line, r.code, r.externalId])).toEqual([
      [3, 'VITRINA_ERR_CARD_INVALID', null], [5, 'VITRINA_ERR_CONFLICT', null], [6, 'VITRINA_ERR_CONSENT_REQUIRED', null],
    ]);
    for (const id of ['BAD-CHECK', 'DUP-CARD', 'OK-3']) expect(row!.report_json).not.toContain(id);
    // The upload (card numbers in clear) is gone once the job ended.
    expect(spoolFiles(t)).toEqual([]);
    const staff = await t.app.inject({ method: 'POST', url: '/api/v1/imports/members/jobs', headers: { ...(await t.staffHeaders('staff')), 'content-type': 'text/csv' }, payload: body });
    expect(staff.statusCode).toBe(403);
  });

  it('a file with a wrong header ends the job failed with VITRINA_ERR_IMPORT_INVALID and writes nothing', async () => {
    const t = await setup();
    const res = await t.startJob('external_id,cards\nM1,4006381333931\n');
    const job = await t.untilEnded(res.json().jobId);
    expect(job).toMatchObject({ status: 'failed', error: { code: 'VITRINA_ERR_IMPORT_INVALID' }, report: null });
    expect(await t.count('customers')).toBe(0);
    expect(spoolFiles(t)).toEqual([]);
  });

  it('a cancel keeps the whole batches committed before it, nothing half-written; a re-run completes the file and credits no points twice', async () => {
    const t = await setup();
    const controller = new AbortController();
    // Cancelled once the second batch of 10 has committed.
    const report = await t.services.membersImport.importCsv(Readable.from([membersFile(45)]), {
      batchSize: 10, progressEvery: 10, signal: controller.signal, onProgress: (p) => { if (p.membersImported >= 20) controller.abort(); },
    });
    expect(report).toMatchObject({ cancelled: true, membersImported: 20, identifiersImported: 20, openingPointsCredited: 200 });
    expect(await t.count('customers')).toBe(20);
    expect(await t.count('cards')).toBe(20);
    expect(await t.count('consent_records')).toBe(60);
    expect(await t.count('points_ledger')).toBe(20);
    const rerun = await t.services.membersImport.importCsv(Readable.from([membersFile(45)]), { batchSize: 10 });
    expect(rerun).toMatchObject({ membersImported: 25, membersSkippedExisting: 20, openingPointsCredited: 250, rowsRejected: 0 });
    expect(rerun.cancelled).toBeUndefined();
    expect(await t.count('customers')).toBe(45);
    expect(await t.count('points_ledger')).toBe(45);
  });

  it('the console cancel of a running job waits until it stopped; what it reports imported is exactly what is stored', async () => {
    const t = await setup();
    const res = await t.startJob(membersFile(3000));
    const cancelled = (await t.app.inject({ method: 'POST', url: `/api/v1/imports/jobs/${res.json().jobId}/cancel`, headers: t.admin })).json();
    expect(cancelled).toMatchObject({ status: 'cancelled', report: { cancelled: true } });
    expect(cancelled.report.membersImported).toBeLessThan(3000);
    expect(await t.count('customers')).toBe(cancelled.report.membersImported);
    expect(await t.count('cards')).toBe(cancelled.report.identifiersImported);
    expect(spoolFiles(t)).toEqual([]);
  });

  it('answers kiosk scans over a real socket while a members import job runs', async () => {
    const t = await setup();
    const small = await seedSmallStore(t.services);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const kiosk = await connectDevice(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, '/kiosk', small.kiosk.token);
    try {
      const started = (await t.startJob(membersFile(4000))).json();
      const answered: Array<{ scan: Ack<IdentifyResult>; jobRunning: boolean }> = [];
      for (let i = 0; i < 5; i++) {
        const scan = await emitAck<Ack<IdentifyResult>>(kiosk, 'kiosk:identify', { code: small.anaCard, source: 'keypad' });
        answered.push({ scan, jobRunning: (await t.job(started.jobId)).status === 'running' });
      }
      // The import was still running when the scans were answered, and each scan was served in full.
      expect(answered[0]!.jobRunning).toBe(true);
      for (const { scan } of answered) expect(scan.ok && scan.data.status).toBe('known');
      const ended = await t.untilEnded(started.jobId);
      expect(ended).toMatchObject({ status: 'done', report: { membersImported: 4000, rowsRejected: 0 } });
    } finally {
      kiosk.close();
      await t.app.close();
    }
  });
});
