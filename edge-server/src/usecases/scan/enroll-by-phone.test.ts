import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Ack, IdentifyResult } from '@vitrina/contracts';
import { isValidEan13, makeEan13 } from '../../domains/cards/index.js';
import { filesUnder } from '../../test-support/files.js';
import { build } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import { connectDevice, emitAck } from '../../test-support/sockets.js';

const open: Socket[] = [];
afterEach(() => { for (const s of open.splice(0)) s.close(); });

async function kiosk() {
  const t = await build();
  const f = await seedSmallStore(t.services);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const socket = await connectDevice(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, '/kiosk', f.kiosk.token);
  open.push(socket);
  const identify = (code: string) => emitAck<Ack<IdentifyResult>>(socket, 'kiosk:identify', { code, source: 'keypad' });
  const enroll = (payload: Record<string, unknown>) => emitAck<Ack<IdentifyResult>>(socket, 'kiosk:enroll', { firstName: 'Dora', consents: { program: true, marketing: false, profiling: true }, ...payload });
  return { ...t, identify, enroll };
}

describe('joining at the kiosk with a phone number', () => {
  it('enrolls an unknown phone, issues a virtual card, and the keypad then finds the shopper by phone and by that card', async () => {
    const k = await kiosk();
    const unknown = await k.identify('+44 7700 900123');
    if (!unknown.ok || unknown.data.status !== 'unknown') throw new Error(`expected an unknown phone, got ${JSON.stringify(unknown)}`);
    expect(unknown.data.unknown.cardLast4).toBe('0123');

    const joined = await k.enroll({ enrollToken: unknown.data.unknown.enrollToken });
    if (!joined.ok || joined.data.status !== 'known') throw new Error(`expected an enrollment, got ${JSON.stringify(joined)}`);
    const virtualCard = joined.data.virtualCard!;
    expect(virtualCard).toMatch(/^2991\d{9}$/);
    expect(isValidEan13(virtualCard)).toBe(true);
    expect(joined.data.session).toMatchObject({ greetingName: 'Dora', cardLast4: virtualCard.slice(-4) });

    for (const code of ['+447700900123', '+44 7700-900-123', virtualCard]) {
      const again = await k.identify(code);
      expect(again.ok && again.data.status === 'known' && again.data.session.greetingName, code).toBe('Dora');
    }
    // The consents are recorded with the kiosk's text version.
    const customerId = (await k.services.cards.recognize(virtualCard, 'scanner')) as { customerId: string };
    expect(await k.services.customers.consentHistory(customerId.customerId)).toEqual([
      expect.objectContaining({ consent: 'program', granted: true, textVersion: 'kiosk-1', source: 'kiosk' }),
      expect.objectContaining({ consent: 'marketing', granted: false }),
      expect.objectContaining({ consent: 'profiling', granted: true }),
    ]);
    expect(await k.services.cards.cardsOf(customerId.customerId)).toEqual([
      { kind: 'phone', last4: '0123', status: 'active', virtual: false },
      { kind: 'ean13', last4: virtualCard.slice(-4), status: 'active', virtual: true },
    ]);
    // Neither the phone nor the virtual card number is in any file of the store.
    await k.services.db.checkpoint();
    for (const file of filesUnder(k.dataDir)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from('447700900123')) || bytes.includes(Buffer.from(virtualCard)), file).toBe(false);
    }
  });

  it('does not offer to join with a mistyped card number read as a phone', async () => {
    const k = await kiosk();
    const typo = makeEan13('2990', 777).slice(0, 12) + String((Number(makeEan13('2990', 777)[12]) + 1) % 10);
    expect(await k.identify(typo)).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_CARD_UNKNOWN' } });
    const national = await k.identify('0612345678');
    expect(national.ok && national.data.status).toBe('unknown');
  });

  it('lets a shopper with a card add a phone number, and refuses a phone someone else holds', async () => {
    const k = await kiosk();
    const card = makeEan13('2990', 4242);
    const first = await k.identify(card);
    if (!first.ok || first.data.status !== 'unknown') throw new Error('expected an unknown card');
    const joined = await k.enroll({ enrollToken: first.data.unknown.enrollToken, phone: '+1 555 010 4477' });
    expect(joined.ok && joined.data.status === 'known' && joined.data.virtualCard).toBeUndefined();
    const byPhone = await k.identify('+15550104477');
    expect(byPhone.ok && byPhone.data.status === 'known' && byPhone.data.session.cardLast4).toBe('4477');

    const other = await k.identify(makeEan13('2990', 4243));
    if (!other.ok || other.data.status !== 'unknown') throw new Error('expected an unknown card');
    expect(await k.enroll({ enrollToken: other.data.unknown.enrollToken, phone: '+15550104477' })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_CONFLICT' } });
    // Only the optional phone was taken: the same screen may still join, without it.
    const retried = await k.enroll({ enrollToken: other.data.unknown.enrollToken });
    expect(retried.ok && retried.data.status).toBe('known');
    // …and the token is single-use again after that.
    expect(await k.enroll({ enrollToken: other.data.unknown.enrollToken })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_SESSION_UNKNOWN' } });
    const third = await k.identify(makeEan13('2990', 4244));
    if (!third.ok || third.data.status !== 'unknown') throw new Error('expected an unknown card');
    expect(await k.enroll({ enrollToken: third.data.unknown.enrollToken, phone: 'call me' })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_CARD_INVALID' } });
  });
});
