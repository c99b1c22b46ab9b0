import { formatCount, formatInterval, formatMoney, formatMoneyCompact, formatPercent, formatRoi, intervalVerdict } from './format';

/**
 * View models for the analytics pages. The analytics routes are young, so these readers
 * accept the field names the API uses and a few obvious synonyms, and skip what is absent
 * instead of showing zeros that are not true.
 */
type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a dotted path ("lift.ciLow") from a plain object. */
export function at(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (!isObj(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** The first of `paths` holding a finite number. */
export function num(obj: unknown, ...paths: string[]): number | null {
  for (const p of paths) {
    const v = at(obj, p);
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return null;
}

export function str(obj: unknown, ...paths: string[]): string | null {
  for (const p of paths) {
    const v = at(obj, p);
    if (typeof v === 'string' && v.length > 0) return v;
  }
  return null;
}

export interface KpiView {
  name: string;
  label: string;
  value: string;
  hint?: string;
}

type Fmt = 'count' | 'money' | 'percent' | 'decimal' | 'days';

interface KpiDef {
  name: string;
  label: string;
  paths: string[];
  fmt: Fmt;
  hint?: string;
}

/** Program KPIs from the loyalty literature, in the order a manager reads them. */
const PROGRAM_KPIS: KpiDef[] = [
  { name: 'members', label: 'Members', paths: ['members', 'memberCount', 'members.total'], fmt: 'count' },
  { name: 'active-members', label: 'Active members', paths: ['activeMembers', 'members.active', 'active'], fmt: 'count', hint: 'bought in the period' },
  { name: 'average-receipt', label: 'Average receipt', paths: ['averageReceiptMinor', 'avgReceiptMinor', 'averageBasketMinor', 'aovMinor'], fmt: 'money' },
  { name: 'purchase-frequency', label: 'Purchase frequency', paths: ['purchaseFrequency', 'frequency', 'receiptsPerMember'], fmt: 'decimal', hint: 'receipts per active member' },
  { name: 'repeat-rate', label: 'Repeat-purchase rate', paths: ['repeatPurchaseRate', 'repeatRate'], fmt: 'percent' },
  { name: 'retention', label: 'Retention', paths: ['retentionRate', 'retention', 'retention.rate'], fmt: 'percent' },
  { name: 'churn', label: 'Churn', paths: ['churnRate', 'churn', 'churn.rate'], fmt: 'percent' },
  { name: 'cltv', label: 'Customer lifetime value', paths: ['cltvMinor', 'clvMinor', 'cltv.valueMinor', 'lifetimeValueMinor'], fmt: 'money' },
  { name: 'revenue', label: 'Member revenue', paths: ['revenueMinor', 'memberRevenueMinor', 'salesMinor'], fmt: 'money' },
  { name: 'lost-regulars', label: 'Lost regulars', paths: ['lost.regulars', 'lostRegulars', 'lostCustomers.regulars'], fmt: 'count' },
  { name: 'lost-newcomers', label: 'Lost newcomers', paths: ['lost.newcomers', 'lostNewcomers', 'lostCustomers.newcomers'], fmt: 'count' },
];

function format(fmt: Fmt, v: number): string {
  switch (fmt) {
    case 'count':
      return formatCount(v);
    case 'money':
      return formatMoneyCompact(v);
    case 'percent':
      return formatPercent(v);
    case 'decimal':
      return v.toFixed(2);
    case 'days':
      return `${formatCount(Math.round(v))} d`;
  }
}

/** KPI cards for what the response holds; the response may nest them under `kpis`. */
export function programKpis(raw: unknown): KpiView[] {
  const src = isObj(raw) && isObj(raw['kpis']) ? raw['kpis'] : raw;
  const out: KpiView[] = [];
  for (const d of PROGRAM_KPIS) {
    const v = num(src, ...d.paths);
    if (v === null) continue;
    out.push({ name: d.name, label: d.label, value: format(d.fmt, v), hint: d.hint });
  }
  return out;
}

/** "2026-08-01 – 2026-10-31" when the response says which period it covers. */
export function periodOf(raw: unknown): string | null {
  const from = str(raw, 'period.from', 'from', 'period.start', 'window.from');
  const to = str(raw, 'period.to', 'to', 'period.end', 'window.to');
  return from && to ? `${from} – ${to}` : null;
}

export interface ArmView {
  customers: number | null;
  reached: number | null;
  redemptionRate: number | null;
  revenuePerCustomerMinor: number | null;
  marginPerCustomerMinor: number | null;
}

export interface CampaignMeasurementView {
  id: string;
  name: string;
  status: string | null;
  startsOn: string | null;
  endsOn: string | null;
  treatment: ArmView;
  control: ArmView;
  incrementalRevenueMinor: number | null;
  incrementalMarginMinor: number | null;
  costMinor: number | null;
  lift: number | null;
  liftLow: number | null;
  liftHigh: number | null;
  roi: number | null;
  verdict: 'positive' | 'negative' | 'inconclusive';
}

function arm(raw: unknown): ArmView {
  return {
    customers: num(raw, 'customers', 'size', 'n', 'members'),
    reached: num(raw, 'reached', 'reach', 'shown'),
    redemptionRate: num(raw, 'redemptionRate', 'redeemRate'),
    revenuePerCustomerMinor: num(raw, 'revenuePerCustomerMinor', 'revenuePerCustomer', 'avgRevenueMinor'),
    marginPerCustomerMinor: num(raw, 'marginPerCustomerMinor', 'marginPerCustomer', 'avgMarginMinor'),
  };
}

/** One campaign's measurement (treatment vs control, lift with its 95% CI, ROI). */
export function campaignMeasurement(raw: unknown): CampaignMeasurementView {
  const liftLow = num(raw, 'lift.ciLow', 'lift.low', 'lift.ci95.0', 'lift.ci.low', 'lift.lower', 'liftCiLow', 'liftLow');
  const liftHigh = num(raw, 'lift.ciHigh', 'lift.high', 'lift.ci95.1', 'lift.ci.high', 'lift.upper', 'liftCiHigh', 'liftHigh');
  const ciArray = at(raw, 'lift.ci95') ?? at(raw, 'liftCi95');
  const [arrLow, arrHigh] = Array.isArray(ciArray) && ciArray.length === 2 && ciArray.every((x) => typeof x === 'number') ? (ciArray as [number, number]) : [null, null];
  const low = liftLow ?? arrLow;
  const high = liftHigh ?? arrHigh;
  return {
    id: str(raw, 'campaignId', 'id', 'campaign.id') ?? '?',
    name: str(raw, 'name', 'campaign.name', 'campaignName') ?? str(raw, 'campaignId', 'id') ?? 'Campaign',
    status: str(raw, 'status', 'campaign.status'),
    startsOn: str(raw, 'startsOn', 'campaign.startsOn', 'window.from', 'period.from'),
    endsOn: str(raw, 'endsOn', 'campaign.endsOn', 'window.to', 'period.to'),
    treatment: arm(at(raw, 'treatment')),
    control: arm(at(raw, 'control')),
    incrementalRevenueMinor: num(raw, 'incrementalRevenueMinor', 'incremental.revenueMinor'),
    incrementalMarginMinor: num(raw, 'incrementalMarginMinor', 'incremental.marginMinor'),
    costMinor: num(raw, 'costMinor', 'cost.totalMinor', 'discountCostMinor'),
    lift: num(raw, 'lift.value', 'lift.estimate', 'lift.point', 'lift'),
    liftLow: low,
    liftHigh: high,
    roi: num(raw, 'roi', 'roi.value'),
    verdict: intervalVerdict(low, high),
  };
}

/** Accepts `[...]`, `{ campaigns: [...] }` or `{ items: [...] }`. */
export function listOf(raw: unknown, ...keys: string[]): unknown[] {
  if (Array.isArray(raw)) return raw;
  for (const k of [...keys, 'items', 'data']) {
    const v = at(raw, k);
    if (Array.isArray(v)) return v;
  }
  return [];
}

export const fmtCampaign = {
  money: formatMoney,
  percent: (v: number | null) => formatPercent(v),
  lift: (v: number | null) => formatPercent(v, { signed: true }),
  interval: formatInterval,
  roi: formatRoi,
  count: formatCount,
};

export interface SegmentView {
  name: string;
  customers: number;
  share: number | null;
}

/** RFM segments as `[{segment, customers}]` or `{ segments: { champions: 12, … } }`. */
export function rfmSegments(raw: unknown): SegmentView[] {
  const list = listOf(raw, 'segments');
  let rows: SegmentView[];
  if (list.length > 0) {
    rows = list.map((s) => ({ name: str(s, 'segment', 'name', 'label') ?? '?', customers: num(s, 'customers', 'count', 'n') ?? 0, share: num(s, 'share', 'pct') }));
  } else {
    const obj = at(raw, 'segments') ?? raw;
    rows = isObj(obj) ? Object.entries(obj).filter(([, v]) => typeof v === 'number').map(([k, v]) => ({ name: k, customers: v as number, share: null })) : [];
  }
  const total = rows.reduce((s, r) => s + r.customers, 0);
  return rows.map((r) => ({ ...r, share: r.share ?? (total > 0 ? r.customers / total : null) })).sort((a, b) => b.customers - a.customers);
}

/** "at_risk" → "At risk". */
export function segmentLabel(name: string): string {
  const s = name.replace(/[_-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
