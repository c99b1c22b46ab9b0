/**
 * Who may call what, written down once from the routes' guards (the OpenAPI document does not
 * say which role a route needs). The HTTP fuzzer asserts that no identity below a route's
 * minimum ever gets a 2xx from it.
 */
import { ROUTES } from '@vitrina/contracts';

type Spec = { method: string; path: string };
const key = (r: Spec) => `${r.method} ${r.path}`;

/** Answer anyone: health, metrics, locale, sign-in (and the docs, outside the contract map). */
const PUBLIC: Spec[] = [ROUTES.system.health, ROUTES.system.metrics, ROUTES.system.storeLocale, ROUTES.auth.login];

/** Admins only. */
const ADMIN: Spec[] = [
  ...Object.values(ROUTES.staff), ...Object.values(ROUTES.audit), ROUTES.imports.receipts, ROUTES.customers.import, ROUTES.customers.export,
  ROUTES.customers.erase, ROUTES.devices.createZone, ROUTES.devices.pair, ROUTES.devices.revoke, ROUTES.loyalty.adjust, ROUTES.loyalty.expire,
  ROUTES.loyalty.saveSettings, ROUTES.catalog.import,
];

/** Admins and marketers, not the shop-floor `staff` role. */
const MANAGERS: Spec[] = [
  ROUTES.loyalty.saveTiers, ROUTES.loyalty.saveEarnRule, ROUTES.promotions.create, ROUTES.promotions.setStatus, ROUTES.segments.replace, ROUTES.codes.create,
  ROUTES.campaigns.create, ROUTES.campaigns.setStatus, ROUTES.campaigns.addOffer, ROUTES.campaigns.assign, ROUTES.catalog.create, ROUTES.catalog.update,
  ROUTES.catalog.deactivate, ROUTES.content.publishPlaylist, ...Object.values(ROUTES.analytics), ROUTES.giftCards.issue,
];

/** The kiosk's device token works on the dev scanner route only (and anything public). */
const DEVICE: Spec[] = [ROUTES.dev.scannerReports];

export type Identity = 'anonymous' | 'kiosk' | 'staff' | 'marketer' | 'admin';

const toPath = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, ':$1');
const has = (list: Spec[], method: string, path: string) => list.some((r) => key(r) === `${method} ${toPath(path)}`);

/** May `who` get a 2xx from this operation (OpenAPI path form, `{id}`)? */
export function mayCall(who: Identity, method: string, openApiPath: string): boolean {
  // The apps' static files (/kiosk/*, /signage/*, /console/*) and the docs are public by design.
  if (!openApiPath.startsWith('/api/v1/') || has(PUBLIC, method, openApiPath)) return true;
  if (who === 'anonymous') return false;
  if (who === 'kiosk') return has(DEVICE, method, openApiPath);
  if (who === 'admin') return true;
  if (has(ADMIN, method, openApiPath)) return false;
  if (who === 'staff' && has(MANAGERS, method, openApiPath)) return false;
  return true;
}
