import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';

/** The default slides say what the program's settings say: nothing hard-coded to contradict the kiosk. */
describe('the default playlist follows the loyalty settings', () => {
  async function setup(overrides: Parameters<typeof build>[0] = {}) {
    const t = await build(overrides);
    await t.services.devices.upsertZone('zone-a', 'Zone A');
    const admin = await t.staffHeaders('admin');
    const points = async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/zones/zone-a/playlist', headers: admin });
      expect(res.statusCode).toBe(200);
      expect(res.json().version).toBe('default');
      return (res.json().items as Array<{ id: string; title: string; body: string }>).find((i) => i.id === 'points')!;
    };
    const save = async (change: Record<string, number>) => {
      const current = (await t.app.inject({ method: 'GET', url: '/api/v1/loyalty/settings', headers: admin })).json();
      const res = await t.app.inject({ method: 'PUT', url: '/api/v1/loyalty/settings', headers: admin, payload: { ...current, ...change } });
      expect(res.statusCode, res.body).toBe(200);
    };
    return { points, save };
  }

  it('states the real earn rate, point value and validity, and changes when they do', async () => {
    const t = await setup();
    const first = await t.points();
    expect(first.body).toBe('1 point for every $1.00 you spend; each point is worth $0.01 at the till. Points stay valid for 365 days after the purchase that earned them.');
    expect(`${first.title} ${first.body}`).not.toMatch(/never/i);
    await t.save({ validityDays: 90, earnRateBp: 500, pointValueMinor: 2 });
    expect((await t.points()).body).toBe('5 points for every $1.00 you spend; each point is worth $0.02 at the till. Points stay valid for 90 days after the purchase that earned them.');
    // A program that earns nothing by spending makes no claim about earning.
    await t.save({ earnRateBp: 0 });
    expect(await t.points()).toMatchObject({ title: 'Join our loyalty program', body: 'It takes a minute at any kiosk.' });
  });

  it('in a Russian store, in Russian and roubles', async () => {
    const t = await setup({ STORE_LOCALE: 'ru-RU', STORE_CURRENCY: 'RUB' });
    const body = (await t.points()).body;
    expect(body).toMatch(/^1 балл за каждые 1,00\s₽ покупки; один балл — это 0,01\s₽ на кассе\. Баллы действуют 365 дн\./);
  });
});
