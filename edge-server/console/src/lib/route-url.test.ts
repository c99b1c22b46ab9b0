import { describe, expect, it } from 'vitest';
import { ROUTES } from '@vitrina/contracts';
import { queryString, routeUrl } from './route-url';

describe('routeUrl', () => {
  it('fills and encodes path params from the map', () => {
    expect(routeUrl(ROUTES.customers.get, { params: { id: 'c 1/2?' } })).toBe('/api/v1/customers/c%201%2F2%3F');
    expect(routeUrl(ROUTES.loyalty.ledger, { params: { customerId: 'c-1' } })).toBe('/api/v1/loyalty/customers/c-1/ledger');
    expect(routeUrl(ROUTES.system.health)).toBe('/api/health');
  });
  it('adds a query string of the defined values only', () => {
    expect(routeUrl(ROUTES.analytics.rfm, { query: { limit: 0 } })).toBe('/api/v1/analytics/rfm?limit=0');
    expect(routeUrl(ROUTES.analytics.program, { query: { periodDays: 30, today: undefined } })).toBe('/api/v1/analytics/program?periodDays=30');
    expect(routeUrl(ROUTES.analytics.program, { query: {} })).toBe('/api/v1/analytics/program');
  });
  it('refuses to build a path with a param missing', () => {
    expect(() => routeUrl(ROUTES.customers.get, { params: { id: '' } })).toThrow('GET /api/v1/customers/:id needs the :id param');
  });
});

describe('queryString', () => {
  it('drops undefined, null and empty values and encodes the rest', () => {
    expect(queryString({ from: '2026-01-01', to: undefined, q: null, blank: '' })).toBe('?from=2026-01-01');
    expect(queryString({ q: 'a&b c' })).toBe('?q=a%26b+c');
    expect(queryString(undefined)).toBe('');
  });
});
