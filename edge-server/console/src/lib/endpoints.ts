/**
 * Every API path the console calls, in one place, so a renamed route is a one-line change.
 * A route missing on an older server makes its section say "not available on this server".
 */
const enc = encodeURIComponent;

export const EP = {
  health: '/api/health',
  metrics: '/api/metrics',
  login: '/api/v1/auth/login',
  me: '/api/v1/auth/me',
  logout: '/api/v1/auth/logout',
  zones: '/api/v1/zones',
  devices: '/api/v1/devices',
  revokeDevice: (id: string) => `/api/v1/devices/${enc(id)}/revoke`,
  playlist: (zoneId: string) => `/api/v1/zones/${enc(zoneId)}/playlist`,

  promotions: '/api/v1/promotions',
  promotionStatus: (id: string) => `/api/v1/promotions/${enc(id)}/status`,
  promotionCodes: (id: string) => `/api/v1/promotions/${enc(id)}/codes`,
  codes: '/api/v1/codes',
  segment: (name: string) => `/api/v1/segments/${enc(name)}`,
  giftCards: '/api/v1/gift-cards',
  giftCardBalance: '/api/v1/gift-cards/balance',
  loyaltySettings: '/api/v1/loyalty/settings',
  loyaltyTiers: '/api/v1/loyalty/tiers',
  loyaltyEarnRules: '/api/v1/loyalty/earn-rules',
  loyaltyAdjust: (id: string) => `/api/v1/loyalty/customers/${enc(id)}/adjust`,
  loyaltyCustomer: (id: string) => `/api/v1/loyalty/customers/${enc(id)}`,
  loyaltyLedger: (id: string) => `/api/v1/loyalty/customers/${enc(id)}/ledger`,
  receipt: (id: string) => `/api/v1/receipts/${enc(id)}`,
  customer: (id: string) => `/api/v1/customers/${enc(id)}`,
  customerConsents: (id: string) => `/api/v1/customers/${enc(id)}/consents`,
  customerExport: (id: string) => `/api/v1/customers/${enc(id)}/export`,
  customerErase: (id: string) => `/api/v1/customers/${enc(id)}/erase`,

  campaigns: '/api/v1/campaigns',
  campaignStatus: (id: string) => `/api/v1/campaigns/${enc(id)}/status`,
  campaignOffers: (id: string) => `/api/v1/campaigns/${enc(id)}/offers`,
  campaignLifecycle: (id: string) => `/api/v1/campaigns/${enc(id)}/lifecycle`,
  analyticsProgram: (periodDays?: number) => `/api/v1/analytics/program${qs({ periodDays })}`,
  analyticsCampaign: (id: string) => `/api/v1/analytics/campaigns/${enc(id)}`,
  /** limit=0: segment counts only; a larger limit returns per-customer scores (used to build a segment). */
  analyticsRfm: (periodDays?: number, limit = 0) => `/api/v1/analytics/rfm${qs({ periodDays, limit })}`,
  importReceipts: '/api/v1/imports/receipts',
} as const;

/** A query string from defined values only: qs({ from: '2026-01-01', to: undefined }) → '?from=2026-01-01'. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== '');
  if (entries.length === 0) return '';
  return `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}
