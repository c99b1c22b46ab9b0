import { describe, expect, it } from 'vitest';
import { HEAD_OFFICE_ROUTES, isAllowed, NOT_FOUND, ROUTES, visibleRoutes } from './routes';
import { matchRoute } from './lib/router';
import { can } from './lib/roles';

describe('route table', () => {
  it('has unique ids and paths (nav-<id> test ids stay unique)', () => {
    expect(new Set(ROUTES.map((r) => r.id)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES.map((r) => r.path)).size).toBe(ROUTES.length);
  });
  it('resolves the home page and each page path to its route', () => {
    for (const r of ROUTES) expect(matchRoute(ROUTES, r.path)?.route.id).toBe(r.id);
    expect(matchRoute(ROUTES, 'no-such-page')).toBeNull();
  });
  it('shows admins every page', () => {
    expect(visibleRoutes('admin').map((r) => r.id)).toEqual(ROUTES.filter((r) => r.nav).map((r) => r.id));
  });
  it('lets marketers edit content and campaigns but not pair devices, import data or handle data requests', () => {
    const ids = visibleRoutes('marketer').map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['overview', 'analytics', 'campaigns', 'promotions', 'playlists', 'devices']));
    expect(ids).not.toContain('imports');
    expect(ids).not.toContain('customers');
    expect(can('marketer', 'content.edit')).toBe(true);
    expect(can('marketer', 'campaigns.edit')).toBe(true);
    expect(can('marketer', 'devices.pair')).toBe(false);
  });
  it('keeps staff read-only: no pairing, revoking, editing or imports', () => {
    for (const p of ['devices.pair', 'devices.revoke', 'content.edit', 'campaigns.edit', 'imports.run'] as const) expect(can('staff', p)).toBe(false);
    expect(visibleRoutes('staff').map((r) => r.id)).not.toContain('imports');
    // The analytics routes answer 403 to staff, so the console does not offer the page.
    expect(visibleRoutes('staff').map((r) => r.id)).not.toContain('analytics');
    expect(can('staff', 'customers.export-erase')).toBe(false);
    expect(can('staff', 'loyalty.settings')).toBe(false);
    const imports = ROUTES.find((r) => r.id === 'imports')!;
    expect(isAllowed(imports, 'staff')).toBe(false);
    expect(isAllowed(imports, 'admin')).toBe(true);
  });
  it('allows nothing role-bound without a user, and the not-found page to anyone', () => {
    expect(visibleRoutes(null).map((r) => r.id)).toEqual(['overview']);
    expect(isAllowed(NOT_FOUND, null)).toBe(true);
  });
});

describe('head office\'s route table (ROLE=headoffice)', () => {
  it('holds the chain pages and only the store pages head office shares, each path once', () => {
    const ids = HEAD_OFFICE_ROUTES.map((r) => r.id);
    expect(ids).toEqual(['chain', 'chain-analytics', 'hq-campaigns', 'hq-promotions', 'hq-catalog', 'hq-content', 'hq-models', 'media', 'staff', 'audit', 'account']);
    expect(new Set(HEAD_OFFICE_ROUTES.map((r) => r.path)).size).toBe(HEAD_OFFICE_ROUTES.length);
    expect(matchRoute(HEAD_OFFICE_ROUTES, '')?.route.id).toBe('chain');
    // A store's table never has them.
    expect(ROUTES.map((r) => r.id)).not.toContain('chain');
  });
});
