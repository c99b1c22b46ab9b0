import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Ack, IdentifyResult, KioskSession, SignageTakeover, UnknownCard } from '@vitrina/contracts';
import { build } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import { collect, connectDevice, emitAck, nextEvent } from '../../test-support/sockets.js';
import { encodeHidPosReports } from '../../platform/scanner/index.js';
import { makeEan13 } from '../../domains/cards/index.js';

const SCANNERS = JSON.stringify([{ kioskId: 'kiosk-a', path: 'sim:kiosk-a', layout: 'hid-pos' }]);
const open: Socket[] = [];
afterEach(() => { for (const s of open.splice(0)) s.close(); });

async function store() {
  const t = await build({ SCANNER_SIMULATOR: true, SCANNERS });
  const fixtures = await seedSmallStore(t.services);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const kiosk = await connectDevice(url, '/kiosk', fixtures.kiosk.token);
  const screenA = await connectDevice(url, '/signage', fixtures.screenA.token);
  const screenB = await connectDevice(url, '/signage', fixtures.screenB.token);
  open.push(kiosk, screenA, screenB);
  // The dev route needs a credential: here the kiosk's own device token.
  const scan = (reports: Uint8Array[], authorization = `Bearer ${fixtures.kiosk.token}`) =>
    t.app.inject({ method: 'POST', url: '/api/v1/dev/scanners/kiosk-a/reports', headers: { authorization }, payload: { reports: reports.map((r) => [...r]) } });
  return { ...t, f: fixtures, anaCard: fixtures.anaCard, benCard: fixtures.benCard, url, kiosk, screenA, screenB, scan };
}

describe('one scan, from the scanner to the kiosk and the zone screens', () => {
  it('sends the session to that kiosk and a privacy-safe takeover to its zone only', async () => {
    const s = await store();
    const takeoversB = collect<SignageTakeover>(s.screenB, 'signage:takeover');
    const sessionP = nextEvent<KioskSession>(s.kiosk, 'kiosk:session');
    const takeoverP = nextEvent<SignageTakeover>(s.screenA, 'signage:takeover');
    expect((await s.scan(encodeHidPosReports(s.anaCard, ']E0'))).statusCode).toBe(202);

    const session = await sessionP;
    expect(session.kioskId).toBe('kiosk-a');
    expect(session.greetingName).toBe('Ana');
    expect(session.cardLast4).toBe(s.anaCard.slice(-4));
    expect(session.personalized).toBe(true);
    // Ana buys apples every week: her offers lead with apples, and carry names and prices.
    expect(session.offers[0]).toMatchObject({ productId: 'p-apples', productName: 'Gala Apples 3 lb', priceMinor: 399, discountText: '20% off' });
    // The store does not allow restricted categories on the kiosk by default.
    expect(session.offers.map((o) => o.productId)).not.toContain('p-vodka');

    const takeover = await takeoverP;
    expect(takeover.zoneId).toBe('zone-a');
    expect(takeover.offers.length).toBeGreaterThan(0);
    for (const offer of takeover.offers) expect(Object.keys(offer).sort()).toEqual(['category', 'discountText', 'displayName', 'imageUrl', 'offerId', 'offerPriceMinor', 'priceMinor', 'productName']);
    const text = JSON.stringify(takeover);
    expect(text).not.toContain('Ana');
    expect(text).not.toContain(s.anaCard.slice(-4));
    expect(text).not.toMatch(/vodka|spirits/i);

    await new Promise((r) => setTimeout(r, 300));
    expect(takeoversB).toEqual([]);
    expect(await s.services.eventLog.countByType('scan')).toBe(1);
    expect(await s.services.eventLog.countByType('offer_shown')).toBe(session.offers.length + takeover.offers.length);
  });

  it('answers keypad and keyboard-wedge identification through the ack, with non-personal offers without consent', async () => {
    const s = await store();
    const res = await emitAck<Ack<IdentifyResult>>(s.kiosk, 'kiosk:identify', { code: s.benCard, source: 'keypad' });
    expect(res.ok).toBe(true);
    if (!res.ok || res.data.status !== 'known') throw new Error('expected a known card');
    expect(res.data.session.greetingName).toBeNull();
    expect(res.data.session.personalized).toBe(false);
    const wedge = await emitAck<Ack<IdentifyResult>>(s.kiosk, 'kiosk:identify', { code: `${s.anaCard}\r\n`, source: 'wedge' });
    expect(wedge.ok && wedge.data.status === 'known' && wedge.data.session.greetingName).toBe('Ana');
  });

  it('shows "not registered yet" for an unknown but valid card, and enrolls it', async () => {
    const s = await store();
    const unknownP = nextEvent<UnknownCard>(s.kiosk, 'kiosk:unknown-card');
    const card = makeEan13('2990', 999);
    await s.scan(encodeHidPosReports(card, ']E0'));
    const unknown = await unknownP;
    expect(unknown.cardLast4).toBe(card.slice(-4));
    const enrolled = await emitAck<Ack<IdentifyResult>>(s.kiosk, 'kiosk:enroll', {
      enrollToken: unknown.enrollToken, firstName: 'Cleo', consents: { program: true, marketing: false, profiling: true },
    });
    expect(enrolled.ok && enrolled.data.status === 'known' && enrolled.data.session.greetingName).toBe('Cleo');
    // The token is single-use.
    const again = await emitAck<Ack<IdentifyResult>>(s.kiosk, 'kiosk:enroll', { enrollToken: unknown.enrollToken, firstName: 'Eve', consents: { program: true, marketing: false, profiling: false } });
    expect(again).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_SESSION_UNKNOWN' } });
  });

  it('clips an offer shown in the session, and refuses one that was not', async () => {
    const s = await store();
    const res = await emitAck<Ack<IdentifyResult>>(s.kiosk, 'kiosk:identify', { code: s.anaCard, source: 'keypad' });
    if (!res.ok || res.data.status !== 'known') throw new Error('expected a known card');
    const { sessionId, offers } = res.data.session;
    expect(await emitAck(s.kiosk, 'kiosk:clip', { sessionId, offerId: offers[0]!.offerId })).toEqual({ ok: true, data: { offerId: offers[0]!.offerId, clipped: true } });
    expect(await emitAck(s.kiosk, 'kiosk:clip', { sessionId, offerId: 'off-p-vodka' })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_OFFER_NOT_ELIGIBLE' } });
    // The refused clip wrote nothing: no clip, no lifecycle row, no event for the offer never shown.
    expect(await s.services.db.all('SELECT offer_id FROM clipped_offers')).toEqual([{ offer_id: offers[0]!.offerId }]);
    expect(await s.services.db.all("SELECT offer_id FROM offer_instances WHERE offer_id = 'off-p-vodka'")).toEqual([]);
    expect(await emitAck(s.kiosk, 'kiosk:end', { sessionId, reason: 'timeout' })).toEqual({ ok: true, data: { ended: true } });
    expect(await emitAck(s.kiosk, 'kiosk:clip', { sessionId, offerId: offers[0]!.offerId })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_SESSION_UNKNOWN' } });
  });
});

describe('bad input on the scan path', () => {
  it('refuses unknown and revoked device tokens', async () => {
    const s = await store();
    await expect(connectDevice(s.url, '/kiosk', 'not-a-real-token-at-all')).rejects.toMatchObject({ message: 'VITRINA_ERR_DEVICE_UNKNOWN' });
    await expect(connectDevice(s.url, '/kiosk', s.f.screenA.token)).rejects.toMatchObject({ message: 'VITRINA_ERR_DEVICE_UNKNOWN' });
    await expect(connectDevice(s.url, '/signage', '')).rejects.toMatchObject({ message: 'VITRINA_ERR_NOT_PAIRED' });
    const disconnected = nextEvent(s.screenB, 'disconnect');
    await s.services.devices.revoke('screen-b1');
    s.services.realtime.disconnectDevice('screen-b1');
    await disconnected;
    await expect(connectDevice(s.url, '/signage', s.f.screenB.token)).rejects.toMatchObject({ message: 'VITRINA_ERR_DEVICE_REVOKED' });
  });

  it('answers invalid cards, malformed payloads and hostile strings with codes, and writes nothing', async () => {
    const s = await store();
    const cases: Array<[unknown, string]> = [
      [{ code: '2990000000012', source: 'wedge' }, 'VITRINA_ERR_CARD_INVALID'], // bad EAN-13 check digit
      [{ code: "1' OR '1'='1", source: 'keypad' }, 'VITRINA_ERR_CARD_INVALID'],
      [{ code: 'x'.repeat(5000), source: 'keypad' }, 'VITRINA_ERR_VALIDATION'],
      [{ code: 12345, source: 'keypad' }, 'VITRINA_ERR_VALIDATION'],
      [{ code: '123', source: 'keypad', extra: true }, 'VITRINA_ERR_VALIDATION'],
      ['not an object', 'VITRINA_ERR_VALIDATION'],
      [null, 'VITRINA_ERR_VALIDATION'],
    ];
    for (const [payload, code] of cases) {
      expect(await emitAck(s.kiosk, 'kiosk:identify', payload), JSON.stringify(payload).slice(0, 40)).toMatchObject({ ok: false, error: { code } });
    }
    // A garbage HID report reaches the kiosk as a scan error, not a crash.
    const errorP = nextEvent<{ code: string }>(s.kiosk, 'kiosk:scan-error');
    await s.scan([Uint8Array.from([0x02, 0xff, 0x41])]);
    expect((await errorP).code).toBe('VITRINA_ERR_SCAN_MALFORMED');
    expect(await s.services.eventLog.countByType('scan')).toBe(0);
    // The server still serves the next good scan.
    const sessionP = nextEvent<KioskSession>(s.kiosk, 'kiosk:session');
    await s.scan(encodeHidPosReports(s.anaCard, ']E0'));
    expect((await sessionP).greetingName).toBe('Ana');
  });

  it('refuses a dev scan for a kiosk without a simulated scanner', async () => {
    const s = await store();
    const res = await s.scan([]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VITRINA_ERR_VALIDATION');
    const other = await s.app.inject({ method: 'POST', url: '/api/v1/dev/scanners/nope/reports', headers: await s.staffHeaders('admin'), payload: { reports: [[2, 0]] } });
    expect(other.json().error.code).toBe('VITRINA_ERR_DEVICE_UNKNOWN');
  });

  it('feeds a simulated scanner only for a staff admin or that kiosk itself', async () => {
    const s = await store();
    const reports = encodeHidPosReports(s.anaCard, ']E0');
    const other = await s.services.devices.pairWithId('kiosk-b', { kind: 'kiosk', name: 'Kiosk B', zoneId: 'zone-b' });
    const refused: Array<[string | undefined, number, string]> = [
      [undefined, 401, 'VITRINA_ERR_UNAUTHORIZED'],
      ['Bearer not-a-real-token', 401, 'VITRINA_ERR_UNAUTHORIZED'],
      [`Bearer ${s.f.screenA.token}`, 401, 'VITRINA_ERR_UNAUTHORIZED'], // a screen is no kiosk
      [`Bearer ${other.token}`, 403, 'VITRINA_ERR_FORBIDDEN'], // another kiosk's scanner
      [(await s.staffHeaders('staff')).authorization, 403, 'VITRINA_ERR_FORBIDDEN'],
      [(await s.staffHeaders('marketer')).authorization, 403, 'VITRINA_ERR_FORBIDDEN'],
    ];
    for (const [authorization, status, code] of refused) {
      const res = await s.app.inject({
        method: 'POST', url: '/api/v1/dev/scanners/kiosk-a/reports', payload: { reports: reports.map((r) => [...r]) },
        headers: authorization ? { authorization } : {},
      });
      expect(res.statusCode, authorization ?? 'none').toBe(status);
      expect(res.json().error.code, authorization ?? 'none').toBe(code);
    }
    // Refused before the body is even read: an anonymous caller cannot probe which kiosks have a scanner.
    const probe = await s.app.inject({ method: 'POST', url: '/api/v1/dev/scanners/nope/reports', payload: { reports: [[2, 0]] } });
    expect(probe.statusCode).toBe(401);
    expect(await s.services.eventLog.countByType('scan')).toBe(0);

    const admin = await s.staffHeaders('admin');
    const sessionP = nextEvent<KioskSession>(s.kiosk, 'kiosk:session');
    expect((await s.scan(reports, admin.authorization)).statusCode).toBe(202);
    expect((await sessionP).greetingName).toBe('Ana');
    await s.services.devices.revoke('kiosk-a');
    expect((await s.scan(reports)).statusCode).toBe(401); // a revoked kiosk's token no longer works
  });
});

describe('simulated scanners (SCANNER_SIMULATOR without SCANNERS)', () => {
  it('gives a kiosk paired while the server runs its scanner at once, as kiosks paired before boot have', async () => {
    const t = await build({ SCANNER_SIMULATOR: true });
    const f = await seedSmallStore(t.services);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const paired = await t.app.inject({ method: 'POST', url: '/api/v1/devices', headers: await t.staffHeaders('admin'), payload: { kind: 'kiosk', name: 'Kiosk paired later', zoneId: 'zone-a' } });
    expect(paired.statusCode).toBe(201);
    const { device, token } = paired.json() as { device: { id: string }; token: string };
    const kiosk = await connectDevice(url, '/kiosk', token);
    open.push(kiosk);
    const sessionP = nextEvent<KioskSession>(kiosk, 'kiosk:session');
    const fed = await t.app.inject({
      method: 'POST', url: `/api/v1/dev/scanners/${device.id}/reports`, headers: { authorization: `Bearer ${token}` },
      payload: { reports: encodeHidPosReports(f.anaCard, ']E0').map((r) => [...r]) },
    });
    expect(fed.statusCode).toBe(202);
    const session = await sessionP;
    expect(session.kioskId).toBe(device.id);
    expect(session.greetingName).toBe('Ana');
    await t.app.close();
  });
});
