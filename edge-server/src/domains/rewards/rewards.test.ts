import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Ack, IdentifyResult, KioskRewards, RewardRedemption } from '@vitrina/contracts';
import { build } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import { connectDevice, emitAck } from '../../test-support/sockets.js';

const open: Socket[] = [];
afterEach(() => { for (const s of open.splice(0)) s.close(); });

/** A small store with a kiosk on a real socket, the till over real HTTP, and Ana with 1,000 points. */
async function store() {
  const t = await build();
  const f = await seedSmallStore(t.services);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const socket = await connectDevice(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, '/kiosk', f.kiosk.token);
  open.push(socket);
  const ask = <T>(event: string, payload: unknown) => emitAck<Ack<T>>(socket, event, payload);
  const marketer = await t.staffHeaders('marketer');
  const staff = await t.staffHeaders('staff');
  const http = (method: 'GET' | 'POST', url: string, payload?: object, headers = marketer) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const today = t.services.loyalty.today();
  const ana = (await t.services.cards.recognize(f.anaCard, 'keypad')) as { customerId: string };
  await t.services.loyalty.adjust(ana.customerId, 1000, 'rewards-seed', 'test');
  const points = async () => (await t.services.loyalty.stateAt(t.services.db, ana.customerId, today)).balance;
  const writes = async () => Promise.all(['reward_redemptions', 'points_ledger', 'promotion_grants'].map(async (table) => (await t.services.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n));
  const session = async () => {
    const r = await ask<IdentifyResult>('kiosk:identify', { code: f.anaCard, source: 'keypad' });
    if (!r.ok || r.data.status !== 'known') throw new Error(JSON.stringify(r));
    return r.data.session.sessionId;
  };
  const reward = (body: object) => http('POST', '/api/v1/rewards', { startsOn: today, endsOn: today, ...body });
  return { ...t, ...f, ask, http, marketer, staff, today, anaId: ana.customerId, points, writes, session, reward };
}

describe('rewards catalogue', () => {
  it('a member redeems a voucher on the kiosk: points taken, stock down, the voucher applies at the till, the retry is the same redemption', async () => {
    const s = await store();
    expect((await s.http('POST', '/api/v1/promotions', {
      id: 'reward-coffee', name: '200 off', discount: { type: 'amount', value: 200 }, target: { scope: 'basket' }, audience: { type: 'grant' },
      conditions: { startsOn: s.today, endsOn: s.today }, stacking: 'stackable', limits: {},
    })).statusCode).toBe(201);
    expect((await s.reward({ id: 'rw-voucher', kind: 'voucher', name: '200 off your next basket', pointsPrice: 300, stock: 2, perMemberLimit: 1, promotionId: 'reward-coffee', voucherValidDays: 7 })).statusCode).toBe(201);
    const sessionId = await s.session();
    const seen = await s.ask<KioskRewards>('kiosk:rewards', { sessionId });
    expect(seen).toMatchObject({ ok: true, data: { pointsBalance: 1000, rewards: [{ id: 'rw-voucher', pointsPrice: 300, stock: 2, blockedBy: null }] } });

    const redeemed = await s.ask<RewardRedemption>('kiosk:redeem-reward', { sessionId, rewardId: 'rw-voucher', idempotencyKey: 'tap-00000001' });
    if (!redeemed.ok) throw new Error(JSON.stringify(redeemed));
    expect(redeemed.data).toMatchObject({ rewardId: 'rw-voucher', points: 300, status: 'redeemed', balanceAfter: 700, voucher: { promotionId: 'reward-coffee' } });
    const before = await s.writes();
    expect(await s.ask<RewardRedemption>('kiosk:redeem-reward', { sessionId, rewardId: 'rw-voucher', idempotencyKey: 'tap-00000001' })).toEqual(redeemed);
    expect(await s.writes()).toEqual(before);
    expect((await s.http('GET', '/api/v1/rewards')).json()[0]).toMatchObject({ stock: 1, redeemed: 1 });

    // The voucher at checkout: 2 × 450 = 900 − 200 = 700
    const sale = await s.http('POST', '/api/v1/receipts', { kind: 'sale', receiptId: 'r-reward-1', storeTime: new Date().toISOString(), cardNumber: s.anaCard, lines: [{ productId: 'p-bread', quantity: 2, unitPriceMinor: 450 }] }, s.staff);
    expect(sale.json()).toMatchObject({ totalMinor: 700, promotions: [{ promotionId: 'reward-coffee', discountMinor: 200 }] });
    // Used on a receipt: the reversal is refused (return the receipt instead).
    const reverse = await s.http('POST', `/api/v1/rewards/redemptions/${redeemed.data.id}/reverse`, { reason: 'changed mind' }, s.staff);
    expect([reverse.statusCode, reverse.json().error.code]).toEqual([409, 'VITRINA_ERR_CONFLICT']);
  });

  it('refuses out of stock, over the limit, not enough points and inactive with codes, writing nothing; a reversal gives back points and stock', async () => {
    const s = await store();
    await s.reward({ id: 'rw-mug', kind: 'product', name: 'Mug', pointsPrice: 400, stock: 1, productId: 'p-bread' });
    await s.reward({ id: 'rw-limit', kind: 'service', name: 'Gift wrap', pointsPrice: 10, perMemberLimit: 1 });
    await s.reward({ id: 'rw-dear', kind: 'service', name: 'Spa day', pointsPrice: 5000 });
    await s.reward({ id: 'rw-paused', kind: 'service', name: 'Paused', pointsPrice: 1 });
    await s.http('POST', '/api/v1/rewards/rw-paused/status', { status: 'paused' });
    const till = (id: string, key: string) => s.http('POST', `/api/v1/rewards/${id}/redeem`, { cardNumber: s.anaCard, idempotencyKey: key }, s.staff);
    expect((await till('rw-mug', 'till-key-0001')).json()).toMatchObject({ points: 400, balanceAfter: 600 });
    expect((await till('rw-limit', 'till-key-0002')).statusCode).toBe(200);
    const before = await s.writes();
    const pointsBefore = await s.points();
    for (const [id, status, code] of [
      ['rw-mug', 409, 'VITRINA_ERR_REWARD_OUT_OF_STOCK'], ['rw-limit', 409, 'VITRINA_ERR_REWARD_LIMIT_REACHED'], ['rw-dear', 409, 'VITRINA_ERR_INSUFFICIENT_POINTS'],
      ['rw-paused', 409, 'VITRINA_ERR_REWARD_INACTIVE'], ['rw-none', 404, 'VITRINA_ERR_NOT_FOUND'],
    ] as const) {
      const res = await till(id, `till-key-${id}`);
      expect([res.statusCode, res.json().error?.code], id).toEqual([status, code]);
    }
    expect(await s.writes()).toEqual(before);
    expect(await s.points()).toBe(pointsBefore);
    // The kiosk shows why each one cannot be had.
    const seen = await s.ask<KioskRewards>('kiosk:rewards', { sessionId: await s.session() });
    if (!seen.ok) throw new Error(JSON.stringify(seen));
    expect(Object.fromEntries(seen.data.rewards.map((r) => [r.id, r.blockedBy]))).toEqual({ 'rw-mug': 'stock', 'rw-limit': 'limit', 'rw-dear': 'points' });

    const mug = (await s.http('GET', '/api/v1/rewards')).json().find((r: { id: string }) => r.id === 'rw-mug');
    expect(mug.stock).toBe(0);
    const redemption = (await till('rw-mug', 'till-key-0001')).json() as RewardRedemption;
    const reversed = await s.http('POST', `/api/v1/rewards/redemptions/${redemption.id}/reverse`, { reason: 'returned unused' }, s.staff);
    expect(reversed.json()).toMatchObject({ status: 'reversed', balanceAfter: pointsBefore + 400 });
    expect((await s.http('POST', `/api/v1/rewards/redemptions/${redemption.id}/reverse`, { reason: 'again' }, s.staff)).json().status).toBe('reversed');
    expect(await s.points()).toBe(pointsBefore + 400);
    expect((await s.http('GET', '/api/v1/rewards')).json().find((r: { id: string }) => r.id === 'rw-mug')).toMatchObject({ stock: 1, redeemed: 0 });
  });

  it('redemptions are in the member data export and stop naming the member after erasure', async () => {
    const s = await store();
    await s.reward({ id: 'rw-wrap', kind: 'service', name: 'Gift wrap', pointsPrice: 10 });
    await s.http('POST', '/api/v1/rewards/rw-wrap/redeem', { customerId: s.anaId, idempotencyKey: 'export-key-1' }, s.staff);
    const admin = await s.staffHeaders('admin');
    const exported = (await s.http('GET', `/api/v1/customers/${s.anaId}/export`, undefined, admin)).json();
    expect(exported.rewardRedemptions).toMatchObject([{ rewardId: 'rw-wrap', rewardName: 'Gift wrap', points: 10, channel: 'till', status: 'redeemed' }]);
    expect((await s.http('POST', `/api/v1/customers/${s.anaId}/erase`, {}, admin)).statusCode).toBe(200);
    expect((await s.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM reward_redemptions WHERE customer_id = ?', [s.anaId]))!.n).toBe(0);
    expect((await s.http('GET', '/api/v1/rewards')).json()[0].redeemed).toBe(1);
  });
});
