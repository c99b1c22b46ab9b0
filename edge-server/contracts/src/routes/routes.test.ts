import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TSchema } from 'typebox';
import type { CampaignMeasurementView, CustomerProfile, Consents, ImportReport, PairDeviceResponse, PromoCode } from '../index.js';
import { listRoutes, ROUTES, type Body, type Params, type Query, type Reply, type RequestParts } from './index.js';

const routes = listRoutes();
const objectKeys = (schema: TSchema | undefined) => Object.keys((schema as { properties?: object } | undefined)?.properties ?? {}).sort();

describe('the REST route map', () => {
  it('lists each method and path once, under /api/', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of routes) expect(r.path).toMatch(/^\/api\//);
  });

  it('declares a params schema with exactly the :names of its path', () => {
    for (const r of routes) {
      const names = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();
      expect({ path: r.path, params: objectKeys(r.params) }).toEqual({ path: r.path, params: names });
      const required = (r.params as { required?: string[] } | undefined)?.required ?? [];
      expect([...required].sort()).toEqual(names);
    }
  });

  it('gives every route a success answer, and a body only to methods that send one', () => {
    for (const r of routes) {
      expect(Object.keys(r.response).some((s) => s.startsWith('2')), `${r.method} ${r.path}`).toBe(true);
      if (r.method === 'GET') expect(r.body, r.path).toBeUndefined();
      if (r.contentType) expect(r.body, r.path).toBeUndefined();
    }
  });

  it('types each part of a call from the schemas', () => {
    expectTypeOf<Params<typeof ROUTES.customers.get>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<Reply<typeof ROUTES.customers.get>>().toEqualTypeOf<CustomerProfile>();
    expectTypeOf<Body<typeof ROUTES.customers.setConsents>>().toEqualTypeOf<Consents>();
    expectTypeOf<Query<typeof ROUTES.analytics.program>>().toEqualTypeOf<{ today?: string; periodDays?: number; limit?: number }>();
    // 2xx only, whatever the status: 201 here, errors left out.
    expectTypeOf<Reply<typeof ROUTES.devices.pair>>().toEqualTypeOf<PairDeviceResponse>();
    expectTypeOf<Reply<typeof ROUTES.codes.create>>().toEqualTypeOf<PromoCode[]>();
    expectTypeOf<Reply<typeof ROUTES.analytics.campaign>>().toEqualTypeOf<CampaignMeasurementView>();
    expectTypeOf<Reply<typeof ROUTES.imports.receipts>>().toEqualTypeOf<ImportReport>();
    expectTypeOf<Params<typeof ROUTES.devices.list>>().toEqualTypeOf<undefined>();
    expectTypeOf<Body<typeof ROUTES.imports.receipts>>().toEqualTypeOf<undefined>();
  });

  it('requires what the route declares and refuses what it does not', () => {
    expectTypeOf<{ params: { id: string } }>().toExtend<RequestParts<typeof ROUTES.customers.get>>();
    expectTypeOf<{ params: { id: string }; body: Consents }>().toExtend<RequestParts<typeof ROUTES.customers.setConsents>>();
    expectTypeOf<{ query: { limit: number } }>().toExtend<RequestParts<typeof ROUTES.analytics.rfm>>();
    expectTypeOf<Record<string, never>>().toExtend<RequestParts<typeof ROUTES.analytics.rfm>>();
    expectTypeOf<Record<string, never>>().not.toExtend<RequestParts<typeof ROUTES.customers.get>>();
    expectTypeOf<{ body: Consents }>().not.toExtend<RequestParts<typeof ROUTES.customers.get>>();
    expectTypeOf<{ params: { id: string } }>().not.toExtend<RequestParts<typeof ROUTES.customers.setConsents>>();
  });
});
