import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { seedLoyaltyStore } from '../../test-support/loyalty-store.js';

describe('GET /api/v1/analytics/{program,rfm}?today=', () => {
  it('answers 400 VITRINA_ERR_VALIDATION for a day that does not exist or is more than 5 years away, never a 500', async () => {
    const t = await build({ STORE_TIME_ZONE: 'America/New_York' });
    await seedLoyaltyStore(t.services);
    const headers = await t.staffHeaders('marketer');
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers });
    for (const report of ['program', 'rfm']) {
      for (const today of ['9999-99-99', '2026-02-31', '2026-02-29', '2040-01-01', '2015-06-30', '2026-6-30', 'yesterday']) {
        const res = await get(`/api/v1/analytics/${report}?today=${today}`);
        expect([res.statusCode, res.json().error.code], `${report} ${today}`).toEqual([400, 'VITRINA_ERR_VALIDATION']);
      }
      expect((await get(`/api/v1/analytics/${report}?today=2026-06-30`)).statusCode).toBe(200);
      expect((await get(`/api/v1/analytics/${report}`)).statusCode).toBe(200);
    }
  });
});
