import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Ack, IdentifyResult, PlayBatchResult, PlayRecord, ProofOfPlayReport } from '@vitrina/contracts';
import { build } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import { connectDevice, emitAck, nextEvent } from '../../test-support/sockets.js';

async function setup() {
  const t = await build({ STORE_TIME_ZONE: 'UTC' });
  const f = await seedSmallStore(t.services);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const screenA = await connectDevice(url, '/signage', f.screenA.token);
  const screenB = await connectDevice(url, '/signage', f.screenB.token);
  const marketer = await t.staffHeaders('marketer');
  const report = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/proof-of-play/report?${query}`, headers: marketer });
    return { status: res.statusCode, body: res.json() as ProofOfPlayReport & { error?: { code: string } } };
  };
  const count = async () => (await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM play_records'))!.n;
  return { ...t, f, url, screenA, screenB, marketer, report, count };
}

function play(over: Partial<PlayRecord> = {}): PlayRecord {
  return {
    id: randomUUID(), itemId: 'slide-1', itemName: 'Spring sale', itemKind: 'image', mediaHash: 'a'.repeat(64), layoutId: 'full', regionId: 'main',
    zoneId: 'zone-a', reason: 'scheduled', takeoverId: null, startedAt: '2026-03-02T10:00:00.000Z', endedAt: '2026-03-02T10:00:08.000Z', ...over,
  };
}

describe('proof of play over the screen socket', () => {
  it('stores a batch once: a replayed batch counts nothing new, and the report sums plays and seconds by item, zone and day', async () => {
    const s = await setup();
    const batch = [
      play(),
      play({ startedAt: '2026-03-02T10:00:08.000Z', endedAt: '2026-03-02T10:00:20.500Z' }),
      play({ itemId: 'video-1', itemName: 'Bakery', itemKind: 'video', startedAt: '2026-03-03T09:00:00.000Z', endedAt: '2026-03-03T09:00:30.000Z' }),
    ];
    const first = await emitAck<Ack<PlayBatchResult>>(s.screenA, 'signage:proof-of-play', { records: batch });
    expect(first).toEqual({ ok: true, data: { received: 3, inserted: 3, duplicates: 0 } });
    // The ack was lost; the screen sends the same batch again, plus one new play.
    const again = await emitAck<Ack<PlayBatchResult>>(s.screenA, 'signage:proof-of-play', { records: [...batch, play({ zoneId: 'zone-b' })] });
    expect(again).toEqual({ ok: true, data: { received: 4, inserted: 1, duplicates: 3 } });
    expect(await s.count()).toBe(4);

    const { status, body } = await s.report('from=2026-03-01&to=2026-03-31');
    expect(status).toBe(200);
    expect(body.totals).toEqual({ plays: 4, seconds: 58.5, takeoversSent: 0, takeoversShown: 0 });
    expect(body.items).toEqual([
      { itemId: 'slide-1', itemName: 'Spring sale', itemKind: 'image', plays: 3, seconds: 28.5 },
      { itemId: 'video-1', itemName: 'Bakery', itemKind: 'video', plays: 1, seconds: 30 },
    ]);
    expect(body.zones.map((z) => [z.zoneId, z.plays])).toEqual([['zone-a', 3], ['zone-b', 1]]);
    expect(body.days.map((d) => [d.day, d.plays, d.seconds])).toEqual([['2026-03-02', 3, 28.5], ['2026-03-03', 1, 30]]);
    const zoneB = await s.report('from=2026-03-01&to=2026-03-31&zoneId=zone-b');
    expect(zoneB.body.totals.plays).toBe(1);

    const csv = await s.app.inject({ method: 'GET', url: '/api/v1/proof-of-play/export.csv?from=2026-03-01&to=2026-03-31', headers: s.marketer });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('day,zone,item_id,item_name,item_kind,plays,seconds_on_screen,takeovers_sent,takeovers_shown');
    expect(lines).toContain('2026-03-02,zone-a,slide-1,Spring sale,image,2,20.5,,');
  });

  it('keeps history when the media is gone: name, kind and hash are stored with the play', async () => {
    const s = await setup();
    const r = play({ itemName: 'Deleted later', mediaHash: 'b'.repeat(64) });
    await emitAck(s.screenA, 'signage:proof-of-play', { records: [r] });
    const row = await s.services.db.get<{ item_name: string; media_hash: string; device_id: string }>('SELECT item_name, media_hash, device_id FROM play_records WHERE id = ?', [r.id]);
    expect(row).toEqual({ item_name: 'Deleted later', media_hash: 'b'.repeat(64), device_id: 'screen-a1' });
  });

  it('refuses a whole batch with one malformed row, and one from a clock in the future, writing nothing', async () => {
    const s = await setup();
    const cases: Array<[unknown, string, string?]> = [
      [{ records: [play(), { ...play(), reason: 'because' }] }, 'VITRINA_ERR_PLAY_BATCH_INVALID', '/records/1'],
      [{ records: [play(), { ...play(), id: 'not-a-uuid' }] }, 'VITRINA_ERR_PLAY_BATCH_INVALID', '/records/1'],
      [{ records: [play({ startedAt: '2026-03-02T10:00:10Z', endedAt: '2026-03-02T10:00:00Z' })] }, 'VITRINA_ERR_PLAY_BATCH_INVALID', '/records/0'],
      [{ records: [play({ startedAt: 'yesterday' })] }, 'VITRINA_ERR_PLAY_BATCH_INVALID', '/records/0'],
      [{ records: [play({ startedAt: '2026-03-01T00:00:00Z', endedAt: '2026-03-03T00:00:00Z' })] }, 'VITRINA_ERR_PLAY_BATCH_INVALID', '/records/0'],
      [(() => { const p = play(); return { records: [p, { ...p }] }; })(), 'VITRINA_ERR_PLAY_BATCH_INVALID', '/records/1'],
      [{ records: [play(), play({ startedAt: new Date(Date.now() + 3_600_000).toISOString(), endedAt: new Date(Date.now() + 3_610_000).toISOString() })] }, 'VITRINA_ERR_PLAY_CLOCK_AHEAD', '/records/1'],
      [{ records: [] }, 'VITRINA_ERR_VALIDATION'],
      [{ records: Array.from({ length: 501 }, () => play()) }, 'VITRINA_ERR_VALIDATION'],
      ['nonsense', 'VITRINA_ERR_VALIDATION'],
    ];
    for (const [payload, code, path] of cases) {
      const res = await emitAck<Ack<PlayBatchResult>>(s.screenA, 'signage:proof-of-play', payload);
      expect(res, JSON.stringify(payload).slice(0, 120)).toMatchObject({ ok: false, error: { code } });
      if (path && !res.ok) expect(res.error.details?.[0]?.path).toBe(path);
    }
    expect(await s.count()).toBe(0);
    // A play that ended a moment ago (within the skew) is fine; the socket survived all of the above.
    const now = Date.now();
    const ok = await emitAck(s.screenA, 'signage:proof-of-play', { records: [play({ startedAt: new Date(now - 5000).toISOString(), endedAt: new Date(now + 1000).toISOString() })] });
    expect(ok).toMatchObject({ ok: true, data: { inserted: 1 } });
  });

  it('counts takeovers sent by the server against those the screens report as shown', async () => {
    const s = await setup();
    const kiosk = await connectDevice(s.url, '/kiosk', s.f.kiosk.token);
    const takeoverCame = nextEvent<{ takeoverId: string; zoneId: string }>(s.screenA, 'signage:takeover');
    const res = await emitAck<Ack<IdentifyResult>>(kiosk, 'kiosk:identify', { code: s.f.anaCard, source: 'keypad' });
    expect(res.ok).toBe(true);
    const takeover = await takeoverCame;
    kiosk.close();
    // Sent is written just after the push; wait until it is there.
    await expect.poll(async () => (await s.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM takeovers_sent'))!.n).toBe(1);
    const now = Date.now();
    const shown = play({ reason: 'takeover', takeoverId: takeover.takeoverId, itemId: 'takeover', itemKind: 'takeover', mediaHash: null, startedAt: new Date(now - 12_000).toISOString(), endedAt: new Date(now).toISOString() });
    // The screen reports the same takeover in two records (e.g. after a reload): shown counts it once.
    await emitAck(s.screenA, 'signage:proof-of-play', { records: [shown, { ...shown, id: randomUUID() }] });
    const day = new Date(now - 12_000).toISOString().slice(0, 10);
    const { body } = await s.report(`from=${day}&to=${new Date().toISOString().slice(0, 10)}`);
    expect(body.totals).toMatchObject({ takeoversSent: 1, takeoversShown: 1 });
    expect(body.zones.find((z) => z.zoneId === 'zone-a')).toMatchObject({ takeoversSent: 1, takeoversShown: 1 });
  });

  it('refuses a report with days out of order or not real, and keeps it to admins and marketers', async () => {
    const s = await setup();
    for (const q of ['from=2026-03-05&to=2026-03-01', 'from=2026-02-31&to=2026-03-01', 'from=2026-03-01', 'from=2020-01-01&to=2026-01-01']) {
      const { status, body } = await s.report(q);
      expect(status, q).toBe(400);
      expect(body.error?.code, q).toBe('VITRINA_ERR_VALIDATION');
    }
    const staff = await s.staffHeaders('staff');
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/proof-of-play/report?from=2026-03-01&to=2026-03-02', headers: staff });
    expect(res.statusCode).toBe(403);
  });
});
