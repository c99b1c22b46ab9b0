import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';

describe('OpenAPI', () => {
  it('documents the loyalty, receipts, promotions and analytics routes with their schemas', async () => {
    const { app } = await build();
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
    for (const p of ['/api/v1/receipts', '/api/v1/loyalty/customers/{customerId}/redeem', '/api/v1/promotions', '/api/v1/codes/{code}/redeem',
      '/api/v1/gift-cards/redeem', '/api/v1/referrals/claim', '/api/v1/campaigns/{id}/offers', '/api/v1/analytics/campaigns/{id}', '/api/v1/analytics/program', '/api/v1/analytics/rfm']) {
      expect(paths[p], p).toBeDefined();
    }
    expect(paths['/api/v1/receipts']!.post!.requestBody).toBeDefined();
    expect(paths['/api/v1/receipts']!.post!.responses['200']).toBeDefined();
  });
});
