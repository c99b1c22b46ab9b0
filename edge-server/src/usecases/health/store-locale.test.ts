import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Ack, IdentifyResult, SignageTakeover } from '@vitrina/contracts';
import { build } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import { connectDevice, emitAck, nextEvent } from '../../test-support/sockets.js';
import { loadConfig } from '../../platform/config/load.js';

const open: Socket[] = [];
afterEach(() => { for (const s of open.splice(0)) s.close(); });
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('GET /api/store/locale', () => {
  it('answers the demo store defaults without a credential', async () => {
    const { app } = await build();
    const res = await app.inject({ method: 'GET', url: '/api/store/locale' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ locale: 'en-US', currency: 'USD', timeZone: 'America/New_York' });
  });

  it('answers what the config says', async () => {
    const { app } = await build({ STORE_LOCALE: 'ru-RU', STORE_CURRENCY: 'RUB', STORE_TIME_ZONE: 'Europe/Moscow' });
    const res = await app.inject({ method: 'GET', url: '/api/store/locale' });
    expect(res.json()).toEqual({ locale: 'ru-RU', currency: 'RUB', timeZone: 'Europe/Moscow' });
  });
});

describe('STORE_LOCALE and STORE_CURRENCY', () => {
  it('refuses an unknown locale and a currency Intl does not know, naming the keys only', () => {
    expect(() => loadConfig({ STORE_LOCALE: 'de-DE' })).toThrow(/STORE_LOCALE/);
    expect(() => loadConfig({ STORE_CURRENCY: 'rub' })).toThrow(/STORE_CURRENCY/);
    expect(() => loadConfig({ STORE_CURRENCY: 'XYZ' })).toThrow(/STORE_CURRENCY must be an ISO 4217 currency code/);
    expect(loadConfig({ STORE_LOCALE: 'ru-RU', STORE_CURRENCY: 'RUB' })).toMatchObject({ STORE_LOCALE: 'ru-RU', STORE_CURRENCY: 'RUB' });
  });

  it('a Russian store writes the discount words on the kiosk and the screens in Russian, in roubles', async () => {
    const t = await build({ STORE_LOCALE: 'ru-RU', STORE_CURRENCY: 'RUB', STORE_TIME_ZONE: 'Europe/Moscow' });
    const f = await seedSmallStore(t.services);
    // One offer as a fixed price, so money is in the text too.
    await t.services.db.run("UPDATE offers SET discount_kind = 'price', discount_value = 29900 WHERE product_id = 'p-apples'");
    t.services.offers.invalidate();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const kiosk = await connectDevice(url, '/kiosk', f.kiosk.token);
    const screen = await connectDevice(url, '/signage', f.screenA.token);
    open.push(kiosk, screen);

    const takeoverP = nextEvent<SignageTakeover>(screen, 'signage:takeover');
    const res = await emitAck<Ack<IdentifyResult>>(kiosk, 'kiosk:identify', { code: f.anaCard, source: 'keypad' });
    if (!res.ok || res.data.status !== 'known') throw new Error('expected a known card');
    const texts = res.data.session.offers.map((o) => plain(o.discountText));
    expect(texts).toContain('Теперь 299,00 ₽');
    expect(texts).toContain('Скидка 20%');
    expect(texts.join(' ')).not.toMatch(/off|Now|\$/);
    // Product names stay as the data has them.
    expect(res.data.session.offers.map((o) => o.productName)).toContain('Gala Apples 3 lb');

    const takeover = await takeoverP;
    for (const o of takeover.offers) expect(plain(o.discountText)).toMatch(/^(Скидка 20%|Теперь 299,00 ₽)$/);
  });
});
