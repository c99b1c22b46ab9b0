import type { ComponentType } from 'preact';
import type { Permission } from './lib/roles';
import { can } from './lib/roles';
import type { StaffRole } from '@vitrina/contracts';
import { serverRole } from './lib/server-role';

export interface PageProps {
  params: Record<string, string>;
}

export interface RouteDef {
  /** Stable id: nav test ids are `nav-<id>`. */
  id: string;
  path: string;
  title: string;
  /** Needed to see the page (and its nav entry). */
  permission: Permission | null;
  /** Shown in the side navigation. */
  nav: boolean;
  /** Lazy: each page is its own chunk. */
  load: () => Promise<{ default: ComponentType<PageProps> }>;
}

/** THE route table of the console. Order matters only for matching (first match wins). */
export const ROUTES: readonly RouteDef[] = [
  { id: 'overview', path: '', title: 'Overview', permission: null, nav: true, load: () => import('./pages/overview') },
  { id: 'analytics', path: 'analytics', title: 'Analytics', permission: 'analytics.view', nav: true, load: () => import('./pages/analytics') },
  { id: 'segments', path: 'segments', title: 'Segments', permission: 'analytics.view', nav: true, load: () => import('./pages/segments') },
  { id: 'survey', path: 'survey', title: 'Survey (NPS)', permission: 'survey.view', nav: true, load: () => import('./pages/survey') },
  { id: 'campaigns', path: 'campaigns', title: 'Campaigns', permission: 'campaigns.view', nav: true, load: () => import('./pages/campaigns') },
  { id: 'promotions', path: 'promotions', title: 'Promotions & codes', permission: 'campaigns.view', nav: true, load: () => import('./pages/promotions') },
  { id: 'products', path: 'products', title: 'Products', permission: 'campaigns.view', nav: true, load: () => import('./pages/products') },
  { id: 'loyalty', path: 'loyalty', title: 'Loyalty program', permission: 'campaigns.view', nav: true, load: () => import('./pages/loyalty') },
  { id: 'playlists', path: 'playlists', title: 'Screens & playlists', permission: 'content.view', nav: true, load: () => import('./pages/playlists') },
  { id: 'layouts', path: 'layouts', title: 'Screen layouts', permission: 'content.view', nav: true, load: () => import('./pages/layouts') },
  { id: 'schedule', path: 'schedule', title: 'Screen schedule', permission: 'content.view', nav: true, load: () => import('./pages/schedule') },
  { id: 'media', path: 'media', title: 'Media library', permission: 'content.view', nav: true, load: () => import('./pages/media') },
  { id: 'proof-of-play', path: 'proof-of-play', title: 'Proof of play', permission: 'analytics.view', nav: true, load: () => import('./pages/proof-of-play') },
  { id: 'devices', path: 'devices', title: 'Devices', permission: 'devices.view', nav: true, load: () => import('./pages/devices') },
  { id: 'rewards', path: 'rewards', title: 'Rewards', permission: 'campaigns.view', nav: true, load: () => import('./pages/rewards') },
  { id: 'fleet', path: 'fleet', title: 'Fleet', permission: 'devices.view', nav: true, load: () => import('./pages/fleet') },
  { id: 'gift-cards', path: 'gift-cards', title: 'Gift cards', permission: 'campaigns.view', nav: true, load: () => import('./pages/gift-cards') },
  { id: 'imports', path: 'imports', title: 'Data imports', permission: 'imports.run', nav: true, load: () => import('./pages/imports') },
  { id: 'customers', path: 'customers', title: 'Members', permission: 'customers.requests', nav: true, load: () => import('./pages/customers') },
  { id: 'staff', path: 'staff', title: 'Staff accounts', permission: 'staff.manage', nav: true, load: () => import('./pages/staff') },
  { id: 'recommendations', path: 'recommendations', title: 'Recommendations', permission: 'models.view', nav: true, load: () => import('./pages/recommendations') },
  { id: 'audit', path: 'audit', title: 'Audit log', permission: 'audit.view', nav: true, load: () => import('./pages/audit') },
  { id: 'account', path: 'account', title: 'My password', permission: 'account.password', nav: true, load: () => import('./pages/account') },
];

export const NOT_FOUND: RouteDef = { id: 'not-found', path: '*', title: 'Page not found', permission: null, nav: false, load: () => import('./pages/not-found') };

/** Store pages head office also has (its own media library, staff, audit log and passwords, through the same domains). */
const AT_HEAD_OFFICE_TOO = new Set(['media', 'staff', 'audit', 'account']);

/**
 * Head office's pages (ROLE=headoffice, lib/server-role.ts): the chain, then the store pages it
 * shares. A store's console never shows them; head office's never shows a store's own pages.
 */
export const HEAD_OFFICE_ROUTES: readonly RouteDef[] = [
  { id: 'chain', path: '', title: 'Chain stores', permission: 'analytics.view', nav: true, load: () => import('./pages/chain') },
  { id: 'chain-analytics', path: 'chain-analytics', title: 'Chain analytics', permission: 'analytics.view', nav: true, load: () => import('./pages/chain-analytics') },
  { id: 'hq-campaigns', path: 'hq-campaigns', title: 'Chain campaigns', permission: 'campaigns.view', nav: true, load: () => import('./pages/hq-campaigns') },
  { id: 'hq-promotions', path: 'hq-promotions', title: 'Chain promotions', permission: 'campaigns.view', nav: true, load: () => import('./pages/hq-promotions') },
  { id: 'hq-catalog', path: 'hq-catalog', title: 'Catalogue & prices', permission: 'imports.run', nav: true, load: () => import('./pages/hq-catalog') },
  { id: 'hq-content', path: 'hq-content', title: 'Content for stores', permission: 'content.view', nav: true, load: () => import('./pages/hq-content') },
  { id: 'hq-models', path: 'hq-models', title: 'Chain model', permission: 'models.view', nav: true, load: () => import('./pages/hq-models') },
  ...ROUTES.filter((r) => AT_HEAD_OFFICE_TOO.has(r.id)),
];

/** The route table of the server the console talks to: a store's (ROUTES) or head office's. */
export function routesForServer(): readonly RouteDef[] {
  return serverRole() === 'headoffice' ? HEAD_OFFICE_ROUTES : ROUTES;
}

export function visibleRoutes(role: StaffRole | null | undefined): RouteDef[] {
  return routesForServer().filter((r) => r.nav && (r.permission === null || can(role, r.permission)));
}

export function isAllowed(route: RouteDef, role: StaffRole | null | undefined): boolean {
  return route.permission === null || can(role, route.permission);
}
