import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Ack, ClaimedCode, IdentifyResult, MyCard, VoucherIssued } from '@vitrina/contracts';
import { makeEan13 } from '../../domains/cards/index.js';
import { build } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import { connectDevice, emitAck } from '../../test-support/sockets.js';

const open: Socket[] = [];
afterEach(() => { for (const s of open.splice(0)) s.close(); });

/** A small store with a kiosk on a real socket; Ana (with a purchase history) and Ben are members. */
async function kiosk() {
  const t = await build();
  const f = await seedSmallStore(t.services);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const socket = await connectDevice(base, '/kiosk', f.kiosk.token);
  open.push(socket);
  const ask = <T>(event: string, payload: unknown) => emitAck<Ack<T>>(socket, event, payload);
  const identify = (code: string) => ask<IdentifyResult>('kiosk:identify', { code, source: 'keypad' });
  const sessionOf = async (card: string) => {
    const r = await identify(card);
    if (!r.ok || r.data.status !== 'known') throw new Error(`expected a known card, got ${JSON.stringify(r)}`);
    return r.data.session.sessionId;
  };
  const tokenFor = async (card: string) => {
    const r = await identify(card);
    if (!r.ok || r.data.status !== 'unknown') throw new Error(`expected an unknown card, got ${JSON.stringify(r)}`);
    return r.data.unknown.enrollToken;
  };
  const enroll = (payload: Record<string, unknown>) => ask<IdentifyResult>('kiosk:enroll', { firstName: 'Dora', consents: { program: true, marketing: true, profiling: true }, ...payload });
  const count = async (sql: string) => (await t.services.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${sql}`))!.n;
  /** Rows every refused request in this file must leave as they were. */
  const writes = async () => Promise.all(['customers', 'cards', 'member_emails', 'consent_records', 'referrals', 'code_redemptions', 'promotion_grants', 'promotions', 'points_ledger'].map(count));
  const headers = await t.staffHeaders('admin');
  const till = (card: string) => t.app.inject({
    method: 'POST', url: '/api/v1/receipts', headers,
    payload: { kind: 'sale', receiptId: `r-${Math.random().toString(36).slice(2)}`, storeTime: new Date().toISOString(), cardNumber: card, lines: [{ productId: 'p-bread', quantity: 2, unitPriceMinor: 450 }] },
  });
  return { ...t, ...f, socket, ask, identify, sessionOf, tokenFor, enroll, count, writes, till };
}

describe('enrollment at the kiosk serves the program', () => {
  it('keeps birthday, e-mail and the three consents with their text version, and a friend’s QR credits both sides at the first purchase', async () => {
    const k = await kiosk();
    const anaSession = await k.sessionOf(k.anaCard);
    const anaCard = await k.ask<MyCard>('kiosk:card', { sessionId: anaSession });
    if (!anaCard.ok) throw new Error(JSON.stringify(anaCard));
    const newCard = makeEan13('2990', 5150);
    const joined = await k.enroll({
      enrollToken: await k.tokenFor(newCard), birthday: { day: 29, month: 2 }, email: 'Dora@Example.com', referralCode: anaCard.data.referral.qrPayload,
    });
    if (!joined.ok || joined.data.status !== 'known') throw new Error(JSON.stringify(joined));
    const dora = (await k.services.cards.recognize(newCard, 'scanner')) as { customerId: string };
    expect((await k.services.customers.get(dora.customerId)).birthDate).toBe('0000-02-29');
    expect(await k.services.cards.emailsOf(dora.customerId)).toHaveLength(1);
    expect((await k.services.customers.consentHistory(dora.customerId)).map((c) => [c.consent, c.granted, c.textVersion])).toEqual([
      ['program', true, 'kiosk-1'], ['marketing', true, 'kiosk-1'], ['profiling', true, 'kiosk-1'],
    ]);
    // The referral is recorded now; both sides are credited on Dora's first purchase, per the settings.
    const s = await k.services.loyalty.settings();
    expect(await k.count(`referrals WHERE referee_id = '${dora.customerId}' AND referrer_id = 'cust-ana'`)).toBe(1);
    expect((await k.till(newCard)).statusCode).toBe(200);
    const ledger = await k.services.db.all<{ customer_id: string; points: number }>("SELECT customer_id, points FROM points_ledger WHERE idempotency_key LIKE 'referral:%' ORDER BY id");
    expect(ledger).toEqual([{ customer_id: 'cust-ana', points: s.referrerPoints }, { customer_id: dora.customerId, points: s.refereePoints }]);
  });

  it('refuses 31 February, an unknown referral code and a malformed e-mail — nothing written, the same screen can retry', async () => {
    const k = await kiosk();
    const card = makeEan13('2990', 6262);
    const token = await k.tokenFor(card);
    const before = await k.writes();
    expect(await k.enroll({ enrollToken: token, birthday: { day: 31, month: 2 } })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_BIRTHDAY_INVALID' } });
    expect(await k.enroll({ enrollToken: token, birthday: { day: 30, month: 2, year: 1990 } })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_BIRTHDAY_INVALID' } });
    expect(await k.enroll({ enrollToken: token, referralCode: 'RNOPE234' })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_REFERRAL_UNKNOWN' } });
    expect(await k.enroll({ enrollToken: token, referralCode: 'vitrina://referral?store=demo-store&code=%E0%A4%A' })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_REFERRAL_UNKNOWN' } });
    expect(await k.enroll({ enrollToken: token, email: 'not-an-address' })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_VALIDATION' } });
    expect(await k.enroll({ enrollToken: token, birthday: { day: 12, month: 13 } })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_VALIDATION' } });
    expect(await k.writes()).toEqual(before);
    const joined = await k.enroll({ enrollToken: token, birthday: { day: 28, month: 2, year: 1990 } });
    expect(joined.ok).toBe(true);
  });
});

describe('My card', () => {
  it('shows balance, tier, referral QR and the birthday offer, only to the kiosk holding the session', async () => {
    const k = await kiosk();
    await k.services.db.run("UPDATE customers SET birth_date = ? WHERE id = 'cust-ana'", [`1985-${k.services.loyalty.today().slice(5)}`]);
    await k.services.db.run("INSERT INTO promotions (id, name, status, starts_on, ends_on, definition, created_at) VALUES ('promo-bday', 'Happy birthday', 'live', '2000-01-01', '2999-12-31', ?, 'x')", [JSON.stringify({
      name: 'Happy birthday', discount: { type: 'amount', value: 500 }, target: { scope: 'basket' }, audience: { type: 'grant' }, conditions: { startsOn: '2000-01-01', endsOn: '2999-12-31' }, stacking: 'stackable', limits: {},
    })]);
    await k.services.loyalty.saveSettings({ ...(await k.services.loyalty.settings()), birthdayPromotionId: 'promo-bday' });
    await k.services.loyalty.adjust('cust-ana', 120, 'test-grant-120', 'test');
    const sessionId = await k.sessionOf(k.anaCard);
    const card = await k.ask<MyCard>('kiosk:card', { sessionId });
    if (!card.ok) throw new Error(JSON.stringify(card));
    expect(card.data).toMatchObject({ pointsBalance: 120, canClaimReferral: false, voucher: null, birthday: { name: 'Happy birthday' } });
    expect(card.data.referral.code).toMatch(/^R[A-Z2-9]{7}$/);
    expect(card.data.referral.qrPayload).toBe(`vitrina://referral?store=demo-store&code=${card.data.referral.code}`);
    expect(card.data.expiring).toEqual([]);
    // Another kiosk, or a session that is not live: nothing about Ana.
    expect(await k.ask('kiosk:card', { sessionId: 'ses_guess' })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_SESSION_UNKNOWN' } });
    const other = await k.services.devices.pairWithId('kiosk-b', { kind: 'kiosk', name: 'Kiosk B', zoneId: 'zone-a' });
    const address = k.app.server.address();
    const otherSocket = await connectDevice(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, '/kiosk', other.token);
    open.push(otherSocket);
    expect(await emitAck(otherSocket, 'kiosk:card', { sessionId })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_SESSION_UNKNOWN' } });
  });

  it('refuses a referral code for oneself and an unknown one — nothing written', async () => {
    const k = await kiosk();
    const sessionId = await k.sessionOf(k.benCard);
    const own = await k.ask<MyCard>('kiosk:card', { sessionId });
    if (!own.ok) throw new Error(JSON.stringify(own));
    expect(own.data.canClaimReferral).toBe(true);
    const before = await k.writes();
    expect(await k.ask('kiosk:claim-referral', { sessionId, code: own.data.referral.code })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_REFERRAL_SELF' } });
    expect(await k.ask('kiosk:claim-referral', { sessionId, code: own.data.referral.qrPayload })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_REFERRAL_SELF' } });
    expect(await k.ask('kiosk:claim-referral', { sessionId, code: 'RZZZZZZZ' })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_REFERRAL_UNKNOWN' } });
    expect(await k.writes()).toEqual(before);
  });

  it('claims promo codes to the card; unknown, used up, expired and not-for-this-shopper codes are refused with their own codes and write nothing', async () => {
    const k = await kiosk();
    const promo = (id: string, over: object = {}) => k.services.promotions.create({
      id, name: `Promo ${id}`, discount: { type: 'amount', value: 200 }, target: { scope: 'basket' }, audience: { type: 'grant' },
      conditions: { startsOn: '2020-01-01', endsOn: '2099-12-31' }, stacking: 'stackable', limits: {}, ...over,
    });
    await promo('open');
    await promo('old', { conditions: { startsOn: '2020-01-01', endsOn: '2020-12-31' } });
    await promo('bens', { audience: { type: 'customer', customerId: 'cust-ben' } });
    await promo('vip', { audience: { type: 'segment', segment: 'vip' } });
    await k.services.codes.create({ promotionId: 'open', codes: ['ONCE-1'], maxUses: 1 });
    await k.services.codes.create({ promotionId: 'open', codes: ['EACH-1'], maxUsesPerCustomer: 1 });
    await k.services.codes.create({ promotionId: 'old', codes: ['OLD-1'] });
    await k.services.codes.create({ promotionId: 'bens', codes: ['BEN-1'] });
    await k.services.codes.create({ promotionId: 'vip', codes: ['VIP-1'] });
    const ben = await k.sessionOf(k.benCard);
    expect((await k.ask<ClaimedCode>('kiosk:claim-code', { sessionId: ben, code: 'once-1' }))).toMatchObject({ ok: true, data: { code: 'ONCE-1', name: 'Promo open' } });
    const ana = await k.sessionOf(k.anaCard);
    expect(await k.ask('kiosk:claim-code', { sessionId: ana, code: ' each-1 ' })).toMatchObject({ ok: true, data: { code: 'EACH-1' } });
    const card = await k.ask<MyCard>('kiosk:card', { sessionId: ana });
    expect(card.ok && card.data.grants).toEqual([expect.objectContaining({ name: 'Promo open', source: 'code', validTo: '2099-12-31' })]);

    const before = await k.writes();
    for (const [code, expected] of [
      ['NOPE-1', 'VITRINA_ERR_CODE_UNKNOWN'], ['ONCE-1', 'VITRINA_ERR_CODE_ALREADY_USED'], ['OLD-1', 'VITRINA_ERR_CODE_EXPIRED'],
      ['BEN-1', 'VITRINA_ERR_CODE_NOT_FOR_CUSTOMER'], ['VIP-1', 'VITRINA_ERR_CODE_NOT_FOR_CUSTOMER'],
    ] as const) {
      expect(await k.ask('kiosk:claim-code', { sessionId: ana, code }), code).toMatchObject({ ok: false, error: { code: expected } });
    }
    // The per-customer limit holds in a new session too (not a retry of the first claim).
    const again = await k.sessionOf(k.anaCard);
    expect(await k.ask('kiosk:claim-code', { sessionId: again, code: 'EACH-1' })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_CODE_ALREADY_USED' } });
    expect(await k.ask('kiosk:claim-code', { sessionId: again, code: '' })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_VALIDATION' } });
    expect(await k.writes()).toEqual(before);
  });

  it('turns points into a voucher where the program allows it; too few points write nothing; the till applies the voucher once', async () => {
    const k = await kiosk();
    await k.services.loyalty.adjust('cust-ana', 300, 'test-grant-300', 'test');
    const sessionId = await k.sessionOf(k.anaCard);
    const before = await k.writes();
    expect(await k.ask('kiosk:voucher', { sessionId, points: 100 })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_VOUCHER_UNAVAILABLE' } });
    await k.services.loyalty.saveSettings({ ...(await k.services.loyalty.settings()), voucherMinPoints: 100, voucherValidDays: 14 });
    expect(await k.ask('kiosk:voucher', { sessionId, points: 50 })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_INSUFFICIENT_POINTS' } });
    expect(await k.ask('kiosk:voucher', { sessionId, points: 400 })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_INSUFFICIENT_POINTS' } });
    expect(await k.ask('kiosk:voucher', { sessionId, points: 0 })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_VALIDATION' } });
    expect(await k.writes()).toEqual(before);

    const issued = await k.ask<VoucherIssued>('kiosk:voucher', { sessionId, points: 150 });
    if (!issued.ok) throw new Error(JSON.stringify(issued));
    const pointValue = (await k.services.loyalty.settings()).pointValueMinor;
    expect(issued.data).toMatchObject({ points: 150, amountMinor: 150 * pointValue, balanceAfter: 150 });
    const card = await k.ask<MyCard>('kiosk:card', { sessionId });
    expect(card.ok && card.data).toMatchObject({ pointsBalance: 150, voucher: { minPoints: 100, validDays: 14 }, grants: [{ source: 'voucher' }] });

    // Two purchases on the card: the voucher comes off the first only.
    const first = (await k.till(k.anaCard)).json();
    const second = (await k.till(k.anaCard)).json();
    expect(first.totalMinor).toBe(900 - 150 * pointValue);
    expect(second.totalMinor).toBe(900);
    const after = await k.ask<MyCard>('kiosk:card', { sessionId });
    expect(after.ok && after.data.grants).toEqual([]);
  });
});
