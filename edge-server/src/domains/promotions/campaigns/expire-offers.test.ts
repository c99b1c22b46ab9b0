import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/calendar.js';
import { build } from '../../../test-support/build.js';
import { seedLoyaltyStore } from '../../../test-support/loyalty-store.js';

/** A June campaign whose offer was shown to its treatment arm (offer instances in state `shown`). */
async function setup() {
  const t = await build({ STORE_TIME_ZONE: 'America/New_York' });
  const { customers } = await seedLoyaltyStore(t.services, 10);
  const headers = await t.staffHeaders('marketer');
  const api = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/offers/expire', headers, payload });
  await t.app.inject({ method: 'POST', url: '/api/v1/campaigns', headers, payload: { id: 'cmp', name: 'Coffee', startsOn: '2026-06-01', endsOn: '2026-06-30', holdoutPct: 50 } });
  await t.app.inject({ method: 'POST', url: '/api/v1/campaigns/cmp/offers', headers, payload: { productId: 'p-coffee', title: '20% off', discountKind: 'percent', discountValue: 20 } });
  for (const c of customers) await (await t.services.scan.chooseOffers(c, [{ productId: 'p-coffee', score: 1 }], '2026-06-10')).recorded;
  const instances = () => t.services.db.all<{ offer_id: string; customer_id: string; state: string; expired_at: string | null }>('SELECT offer_id, customer_id, state, expired_at FROM offer_instances ORDER BY customer_id');
  const shown = (await instances()).filter((i) => i.state === 'shown').length;
  expect(shown).toBeGreaterThan(0);
  return { ...t, api, instances, shown, today: t.services.loyalty.today() };
}

describe('POST /api/v1/offers/expire (irreversible sweep)', () => {
  it('refuses a day after the store\'s today, a day that does not exist, and a run without confirm: 400, nothing written', async () => {
    const t = await setup();
    const before = await t.instances();
    const refused = [
      { today: '2030-01-01', confirm: true }, { today: addDays(t.today, 1), confirm: true }, { today: addDays(t.today, 1), dryRun: true },
      { today: '2026-02-31', confirm: true }, { today: '9999-99-99', confirm: true }, { today: '2019-01-01', confirm: true },
      {}, { today: '2026-07-01' }, { today: '2026-07-01', confirm: false },
    ];
    for (const body of refused) {
      const res = await t.api(body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([400, 'VITRINA_ERR_VALIDATION']);
    }
    expect(await t.instances()).toEqual(before);
  });

  it('previews with dryRun (exact count, nothing written), then the confirmed run expires exactly that', async () => {
    const t = await setup();
    const before = await t.instances();
    expect((await t.api({ today: '2026-06-30', dryRun: true })).json()).toEqual({ today: '2026-06-30', dryRun: true, expired: 0 });
    expect((await t.api({ today: '2026-07-01', dryRun: true })).json()).toEqual({ today: '2026-07-01', dryRun: true, expired: t.shown });
    expect((await t.api({ dryRun: true })).json()).toEqual({ today: t.today, dryRun: true, expired: t.shown });
    expect(await t.instances()).toEqual(before);

    expect((await t.api({ confirm: true })).json()).toEqual({ today: t.today, dryRun: false, expired: t.shown });
    const after = await t.instances();
    expect(after.filter((i) => i.state === 'expired')).toHaveLength(t.shown);
    expect((await t.api({ dryRun: true })).json()).toMatchObject({ expired: 0 });
  });
});
