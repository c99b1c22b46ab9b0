import { addDays } from '../../../shared/calendar.js';

/**
 * Program KPIs over a period of P days ending `today` (store-local days), from member sales:
 * - active members: bought at least once in the period;
 * - average receipt: net sales / receipts in the period;
 * - purchase frequency: receipts / active members;
 * - repeat-purchase rate: members with ≥ 2 receipts / members with ≥ 1, in the period;
 * - retention: of the members active in the previous period, the share active in this one;
 *   churn = 1 − retention;
 * - CLTV = m · r / (1 + d − r) (Gupta & Lehmann), m = margin per active member per period,
 *   r = retention, d = the annual discount rate turned into a per-period rate;
 * - lost members: last purchase more than P days ago, split into lost regulars (≥ 3 purchases
 *   ever) and lost newcomers (fewer).
 */

export interface SaleFact {
  customerId: string;
  localDate: string;
  netMinor: number;
  marginMinor: number;
}

export interface ProgramKpis {
  periodDays: number;
  from: string;
  to: string;
  members: number;
  activeMembers: number;
  receipts: number;
  averageReceiptMinor: number | null;
  purchaseFrequency: number | null;
  repeatPurchaseRate: number | null;
  retentionRate: number | null;
  churnRate: number | null;
  marginPerActiveMemberMinor: number | null;
  cltvMinor: number | null;
  lostRegulars: number;
  lostNewcomers: number;
}

export const REGULAR_MIN_PURCHASES = 3;

export function programKpis(members: readonly string[], sales: readonly SaleFact[], today: string, periodDays: number, annualDiscountRate = 0.1): ProgramKpis {
  const from = addDays(today, -periodDays + 1);
  const prevFrom = addDays(from, -periodDays);
  const memberSet = new Set(members);
  const inPeriod = sales.filter((s) => memberSet.has(s.customerId) && s.localDate >= from && s.localDate <= today);
  const perCustomer = new Map<string, number>();
  for (const s of inPeriod) perCustomer.set(s.customerId, (perCustomer.get(s.customerId) ?? 0) + 1);
  const active = perCustomer.size;
  const net = inPeriod.reduce((s, x) => s + x.netMinor, 0);
  const margin = inPeriod.reduce((s, x) => s + x.marginMinor, 0);
  const previous = new Set(sales.filter((s) => memberSet.has(s.customerId) && s.localDate >= prevFrom && s.localDate < from).map((s) => s.customerId));
  const retained = [...previous].filter((c) => perCustomer.has(c)).length;
  const retention = previous.size > 0 ? retained / previous.size : null;
  const m = active > 0 ? margin / active : null;
  const d = (1 + annualDiscountRate) ** (periodDays / 365) - 1;
  const history = new Map<string, { count: number; last: string }>();
  for (const s of sales) {
    if (!memberSet.has(s.customerId) || s.localDate > today) continue;
    const h = history.get(s.customerId) ?? { count: 0, last: '' };
    h.count++;
    if (s.localDate > h.last) h.last = s.localDate;
    history.set(s.customerId, h);
  }
  let lostRegulars = 0;
  let lostNewcomers = 0;
  for (const h of history.values()) {
    if (h.last >= from) continue;
    if (h.count >= REGULAR_MIN_PURCHASES) lostRegulars++;
    else lostNewcomers++;
  }
  return {
    periodDays, from, to: today,
    members: members.length,
    activeMembers: active,
    receipts: inPeriod.length,
    averageReceiptMinor: inPeriod.length > 0 ? Math.round(net / inPeriod.length) : null,
    purchaseFrequency: active > 0 ? inPeriod.length / active : null,
    repeatPurchaseRate: active > 0 ? [...perCustomer.values()].filter((n) => n >= 2).length / active : null,
    retentionRate: retention,
    churnRate: retention === null ? null : 1 - retention,
    marginPerActiveMemberMinor: m === null ? null : Math.round(m),
    cltvMinor: m !== null && retention !== null ? Math.round((m * retention) / (1 + d - retention)) : null,
    lostRegulars,
    lostNewcomers,
  };
}
