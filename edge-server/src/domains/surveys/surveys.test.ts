import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Ack, IdentifyResult, NpsReport, ProgramKpisView, SurveyAnswerResult, SurveyCommentsPage, SurveyDue, SurveySettings } from '@vitrina/contracts';
import { build } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import { connectDevice, emitAck } from '../../test-support/sockets.js';
import { localDateOf } from '../../shared/calendar.js';
import { npsOf } from './nps.js';

const open: Socket[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function store() {
  const t = await build();
  const f = await seedSmallStore(t.services);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const kiosk = await connectDevice(url, '/kiosk', f.kiosk.token);
  open.push(kiosk);
  /** Opens a kiosk session for a card (keypad) and answers its id. */
  const session = async (card = f.anaCard) => {
    const r = await emitAck<Ack<IdentifyResult>>(kiosk, 'kiosk:identify', { code: card, source: 'keypad' });
    if (!r.ok || r.data.status !== 'known') throw new Error('expected a known card');
    return r.data.session.sessionId;
  };
  const due = (sessionId: string) => emitAck<Ack<SurveyDue>>(kiosk, 'kiosk:survey-due', { sessionId });
  const answer = (payload: Record<string, unknown>) => emitAck<Ack<SurveyAnswerResult>>(kiosk, 'kiosk:survey-answer', payload);
  const rows = async () => (await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM survey_answers'))!.n;
  /** A fixture answer written straight to the table, `daysAgo` days before now. */
  const pastAnswer = async (customerId: string | null, score: number, daysAgo: number, extra: { comment?: string; reasons?: string[] } = {}) => {
    const at = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    const id = `sva_fixture_${Math.random().toString(36).slice(2)}`;
    await t.services.db.run('INSERT INTO survey_answers (id, store_id, kiosk_id, zone_id, customer_id, session_id, score, reasons, comment, at, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      id, 'store-1', 'kiosk-a', 'zone-a', customerId, `ses_${id}`, score, JSON.stringify(extra.reasons ?? []), extra.comment ?? null, at, localDateOf(t.services.config.STORE_TIME_ZONE, at),
    ]);
  };
  return { ...t, f, kiosk, session, due, answer, rows, pastAnswer };
}

describe('the end-of-session survey at the kiosk', () => {
  it('asks a due shopper once: the answer is stored with store, kiosk, zone and time, and the next session is not asked', async () => {
    const s = await store();
    const first = await s.session();
    const d = await s.due(first);
    expect(d.ok && d.data.due).toBe(true);
    expect(d.ok && d.data.reasons.map((r) => r.id)).toContain('prices');
    expect(d.ok && d.data.reasons[0]!.labels.ru).toBeTruthy();

    const res = await s.answer({ sessionId: first, score: 9, reasons: ['prices', 'staff'], comment: 'Great bananas' });
    expect(res.ok).toBe(true);
    const row = await s.services.db.get<Record<string, unknown>>('SELECT * FROM survey_answers');
    expect(row).toMatchObject({ store_id: s.services.config.STORE_ID, kiosk_id: 'kiosk-a', zone_id: 'zone-a', customer_id: 'cust-ana', session_id: first, score: 9, reasons: '["prices","staff"]', comment: 'Great bananas' });
    expect(Date.now() - Date.parse(String(row!['at']))).toBeLessThan(60_000);

    // Sent twice in the same session, or again in the next one: refused, nothing written.
    const twice = await s.answer({ sessionId: first, score: 3, reasons: [] });
    expect(!twice.ok && twice.error.code).toBe('VITRINA_ERR_SURVEY_ALREADY_ANSWERED');
    const next = await s.session();
    const dueAgain = await s.due(next);
    expect(dueAgain.ok && dueAgain.data).toEqual({ due: false, reasons: [], commentMaxLength: 280 });
    const again = await s.answer({ sessionId: next, score: 3, reasons: [] });
    expect(!again.ok && again.error.code).toBe('VITRINA_ERR_SURVEY_ALREADY_ANSWERED');
    expect(await s.rows()).toBe(1);

    // Another shopper is still due.
    const ben = await s.session(s.f.benCard);
    expect((await s.due(ben)).ok).toBe(true);
    expect((await s.answer({ sessionId: ben, score: 4, reasons: [] })).ok).toBe(true);
    expect(await s.rows()).toBe(2);
  });

  it('counts being asked: a shopper who skips is not asked again within the interval, and no score is stored', async () => {
    const s = await store();
    const first = await s.session();
    expect((await s.due(first)).ok && ((await s.due(first)) as { data: SurveyDue }).data.due).toBe(true); // asked twice in one session: still due
    // Skip: the kiosk ends the session without answering.
    expect((await emitAck<Ack<unknown>>(s.kiosk, 'kiosk:end', { sessionId: first, reason: 'done' })).ok).toBe(true);
    const next = await s.session();
    const again = await s.due(next);
    expect(again.ok && again.data).toEqual({ due: false, reasons: [], commentMaxLength: 280 });
    const sneaked = await s.answer({ sessionId: next, score: 2, reasons: [] });
    expect(!sneaked.ok && sneaked.error.code).toBe('VITRINA_ERR_SURVEY_NOT_DUE');
    expect(await s.rows()).toBe(0);
    const asks = await s.services.db.all<Record<string, unknown>>('SELECT session_id, customer_id, kiosk_id FROM survey_asks');
    expect(asks).toEqual([{ session_id: first, customer_id: 'cust-ana', kiosk_id: 'kiosk-a' }]);

    // The skip is no answer: NPS and the CSV see nothing.
    const marketer = await s.staffHeaders('marketer');
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/surveys/report', headers: marketer })).json<NpsReport>()).toMatchObject({ answers: 0, nps: null });
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/surveys/export.csv', headers: marketer })).body.trimEnd().split('\r\n')).toHaveLength(1);

    // Once the interval has passed since the ask, the shopper is asked again.
    await s.services.db.run("UPDATE survey_asks SET at = ?", [new Date(Date.now() - 31 * 86_400_000).toISOString()]);
    const later = await s.session();
    expect((await s.due(later)).ok && ((await s.due(later)) as { data: SurveyDue }).data.due).toBe(true);
    expect((await s.answer({ sessionId: later, score: 8, reasons: [] })).ok).toBe(true);
    // Another shopper was never asked.
    expect(((await s.due(await s.session(s.f.benCard))) as { data: SurveyDue }).data.due).toBe(true);
  });

  it('refuses bad answers with a code and writes nothing', async () => {
    const s = await store();
    const sessionId = await s.session();
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ sessionId, score: 11, reasons: [] }, 'VITRINA_ERR_VALIDATION'],
      [{ sessionId, score: -1, reasons: [] }, 'VITRINA_ERR_VALIDATION'],
      [{ sessionId, score: 7.5, reasons: [] }, 'VITRINA_ERR_VALIDATION'],
      [{ sessionId, score: '9', reasons: [] }, 'VITRINA_ERR_VALIDATION'],
      [{ sessionId, score: 9 }, 'VITRINA_ERR_VALIDATION'],
      [{ sessionId, score: 9, reasons: ['no-such-chip'] }, 'VITRINA_ERR_VALIDATION'],
      [{ sessionId, score: 9, reasons: [], comment: 'x'.repeat(281) }, 'VITRINA_ERR_VALIDATION'],
      [{ sessionId, score: 9, reasons: [], customerId: 'cust-ben' }, 'VITRINA_ERR_VALIDATION'],
      [{ sessionId: 'ses_made_up', score: 9, reasons: [] }, 'VITRINA_ERR_SESSION_UNKNOWN'],
    ];
    for (const [payload, code] of bad) {
      const r = await s.answer(payload);
      expect(r.ok ? 'accepted' : r.error.code, JSON.stringify(payload)).toBe(code);
    }
    expect(!(await s.due('ses_made_up')).ok).toBe(true);
    // A session that has ended (the shopper left) cannot answer either.
    expect((await emitAck<Ack<unknown>>(s.kiosk, 'kiosk:end', { sessionId, reason: 'done' })).ok).toBe(true);
    const ended = await s.answer({ sessionId, score: 9, reasons: [] });
    expect(!ended.ok && ended.error.code).toBe('VITRINA_ERR_SESSION_UNKNOWN');
    expect(await s.rows()).toBe(0);
  });

  it('asks again once the interval has passed, as the settings say; switched off, nobody is asked', async () => {
    const s = await store();
    const admin = await s.staffHeaders('admin');
    await s.pastAnswer('cust-ana', 8, 29);
    const sessionId = await s.session();
    expect((await s.due(sessionId)).ok && (await s.due(sessionId) as { data: SurveyDue }).data.due).toBe(false);

    const settings = (await s.app.inject({ method: 'GET', url: '/api/v1/surveys/settings', headers: admin })).json<SurveySettings>();
    expect(settings.intervalDays).toBe(30);
    const put = await s.app.inject({ method: 'PUT', url: '/api/v1/surveys/settings', headers: admin, payload: { ...settings, intervalDays: 14 } });
    expect(put.statusCode).toBe(200);
    const due = await s.due(sessionId);
    expect(due.ok && due.data.due).toBe(true);

    await s.app.inject({ method: 'PUT', url: '/api/v1/surveys/settings', headers: admin, payload: { ...settings, intervalDays: 14, enabled: false } });
    const off = await s.due(sessionId);
    expect(off.ok && off.data.due).toBe(false);
    const r = await s.answer({ sessionId, score: 9, reasons: [] });
    expect(!r.ok && r.error.code).toBe('VITRINA_ERR_SURVEY_NOT_DUE');
    expect(await s.rows()).toBe(1);
  });
});

describe('survey settings', () => {
  it('are read by marketers and admins, changed by admins only, and refuse bad lists', async () => {
    const s = await store();
    const [admin, marketer, staff] = [await s.staffHeaders('admin'), await s.staffHeaders('marketer'), await s.staffHeaders('staff')];
    const url = '/api/v1/surveys/settings';
    expect((await s.app.inject({ method: 'GET', url, headers: marketer })).statusCode).toBe(200);
    expect((await s.app.inject({ method: 'GET', url, headers: staff })).statusCode).toBe(403);
    const body: SurveySettings = { enabled: true, intervalDays: 60, reasons: [{ id: 'coffee', labels: { en: 'Coffee', ru: 'Кофе' } }] };
    expect((await s.app.inject({ method: 'PUT', url, headers: marketer, payload: body })).statusCode).toBe(403);
    const bad = [
      { ...body, intervalDays: 0 },
      { ...body, intervalDays: 366 },
      { ...body, reasons: [body.reasons[0], body.reasons[0]] },
      { ...body, reasons: [{ id: 'Bad Id', labels: { en: 'x', ru: 'x' } }] },
      { ...body, reasons: [{ id: 'blank', labels: { en: '  ', ru: 'x' } }] },
    ];
    for (const payload of bad) {
      const r = await s.app.inject({ method: 'PUT', url, headers: admin, payload });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json<{ error: { code: string } }>().error.code).toBe('VITRINA_ERR_VALIDATION');
    }
    expect((await s.app.inject({ method: 'GET', url, headers: admin })).json<SurveySettings>().intervalDays).toBe(30);
    const ok = await s.app.inject({ method: 'PUT', url, headers: admin, payload: body });
    expect(ok.json()).toEqual(body);
    const d = await s.due(await s.session());
    expect(d.ok && d.data.reasons).toEqual(body.reasons);
    const audit = await s.services.db.get<{ summary: string }>("SELECT summary FROM audit_log WHERE route_id = 'surveys.saveSettings' AND status = 200");
    expect(audit?.summary).toContain('60');
  });
});

describe('the NPS report, comments and CSV', () => {
  it('computes NPS, its distribution and weekly trend by hand-checked numbers', async () => {
    const s = await store();
    const marketer = await s.staffHeaders('marketer');
    // This week: 10, 9, 8, 6 → 2 promoters, 1 passive, 1 detractor → NPS 25. 17 days ago (the second week of four): 2 → NPS −100.
    for (const score of [10, 9, 8, 6]) await s.pastAnswer(null, score, 0, { reasons: ['prices'] });
    await s.pastAnswer(null, 2, 17, { reasons: ['checkout', 'prices'] });
    await s.pastAnswer(null, 10, 200);
    const r = await s.app.inject({ method: 'GET', url: '/api/v1/surveys/report?periodDays=28', headers: marketer });
    expect(r.statusCode).toBe(200);
    const rep = r.json<NpsReport>();
    expect(rep).toMatchObject({ answers: 5, promoters: 2, passives: 1, detractors: 2, nps: 0, averageScore: 7 });
    expect(rep.scores).toEqual([0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1]);
    expect(rep.trend).toHaveLength(4);
    expect(rep.trend[3]).toMatchObject({ to: rep.to, answers: 4, nps: 25 });
    expect(rep.trend.map((w) => w.answers)).toEqual([0, 1, 0, 4]);
    expect(rep.trend[0]!.from).toBe(rep.from);
    expect(rep.trend[1]).toMatchObject({ answers: 1, nps: -100 });
    expect(rep.reasons).toEqual([{ id: 'prices', count: 5 }, { id: 'checkout', count: 1 }]);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/surveys/report?today=2026-02-31', headers: marketer })).statusCode).toBe(400);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/surveys/report', headers: await s.staffHeaders('staff') })).statusCode).toBe(403);
  });

  it('pages comments newest first, as given, and exports CSV with formulas defused and no shopper id', async () => {
    const s = await store();
    const marketer = await s.staffHeaders('marketer');
    await s.pastAnswer('cust-ana', 3, 2, { comment: '=HYPERLINK("http://evil","click")' });
    await s.pastAnswer('cust-ben', 9, 1, { comment: '<script>alert(1)</script>, "quoted"' });
    await s.pastAnswer(null, 7, 0);
    const page = (await s.app.inject({ method: 'GET', url: '/api/v1/surveys/comments?limit=1', headers: marketer })).json<SurveyCommentsPage>();
    expect(page.total).toBe(2);
    expect(page.comments).toHaveLength(1);
    expect(page.comments[0]!.comment).toBe('<script>alert(1)</script>, "quoted"');
    expect(JSON.stringify(page)).not.toContain('cust-');
    const second = (await s.app.inject({ method: 'GET', url: '/api/v1/surveys/comments?limit=1&offset=1', headers: marketer })).json<SurveyCommentsPage>();
    expect(second.comments[0]!.score).toBe(3);

    const csv = await s.app.inject({ method: 'GET', url: '/api/v1/surveys/export.csv', headers: marketer });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="vitrina-survey-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,at,day,storeId,kioskId,zoneId,score,reasons,comment');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(lines[2]).toContain('"<script>alert(1)</script>, ""quoted"""');
    expect(csv.body).not.toContain('cust-');
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/surveys/export.csv', headers: await s.staffHeaders('staff') })).statusCode).toBe(403);
  });

  it('shows NPS and satisfaction among the program KPIs', async () => {
    const s = await store();
    for (const score of [10, 9, 7, 0]) await s.pastAnswer(null, score, 1);
    const k = (await s.app.inject({ method: 'GET', url: '/api/v1/analytics/program?periodDays=30', headers: await s.staffHeaders('marketer') })).json<ProgramKpisView>();
    expect(k).toMatchObject({ surveyAnswers: 4, nps: 25, promoterShare: 0.5, averageScore: 6.5 });
  });
});

describe("a shopper's survey answers in data requests", () => {
  it('are exported to the shopper, and erasure unlinks them and clears the free text while the score stays', async () => {
    const s = await store();
    await s.pastAnswer('cust-ana', 6, 3, { comment: 'Ana from flat 4 says hi', reasons: ['staff'] });
    const exp = await s.services.dataRequests.export('cust-ana');
    expect(exp.surveyAnswers).toEqual([expect.objectContaining({ kioskId: 'kiosk-a', score: 6, reasons: ['staff'], comment: 'Ana from flat 4 says hi' })]);
    const http = await s.app.inject({ method: 'GET', url: '/api/v1/customers/cust-ana/export', headers: await s.staffHeaders('admin') });
    expect(http.json<{ surveyAnswers: unknown[] }>().surveyAnswers).toHaveLength(1);

    await s.services.dataRequests.erase('cust-ana');
    const rows = await s.services.db.all<{ customer_id: string | null; comment: string | null; score: number }>('SELECT customer_id, comment, score FROM survey_answers');
    expect(rows).toEqual([{ customer_id: null, comment: null, score: 6 }]);
  });

  it('include when the shopper was shown the survey (a skip too), and erasure deletes those rows', async () => {
    const s = await store();
    const sessionId = await s.session();
    expect((await s.due(sessionId)).ok).toBe(true);
    const exp = await s.services.dataRequests.export('cust-ana');
    expect(exp.surveyAnswers).toEqual([]);
    expect(exp.surveyAsks).toEqual([{ at: expect.any(String), kioskId: 'kiosk-a' }]);
    expect((await s.services.dataRequests.export('cust-ben')).surveyAsks).toEqual([]);
    await s.services.dataRequests.erase('cust-ana');
    expect(await s.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM survey_asks')).toEqual({ n: 0 });
  });
});

describe('npsOf', () => {
  it('follows the NPS bands', () => {
    expect(npsOf([])).toMatchObject({ answers: 0, nps: null, averageScore: null, promoterShare: null });
    expect(npsOf([9, 10, 7, 8, 6, 0])).toMatchObject({ promoters: 2, passives: 2, detractors: 2, nps: 0 });
    expect(npsOf([10, 10, 6])).toMatchObject({ nps: 33.3, promoterShare: 0.667, averageScore: 8.67 });
  });
});
