import type { Campaign, CampaignMeasurementView, ProgramKpisView, RfmReport } from '@vitrina/contracts';
import { formatCount, formatMoneyCompact, formatPercent, intervalVerdict } from './format';

/** View models for the analytics pages, from the analytics contracts (ratios stay ratios until formatted). */

export interface KpiView {
  name: string;
  label: string;
  value: string;
  hint?: string;
}

/** Program KPIs in the order a manager reads them; null figures (too little data) show "—". */
export function programKpis(k: ProgramKpisView): KpiView[] {
  return [
    { name: 'members', label: 'Members', value: formatCount(k.members) },
    { name: 'active-members', label: 'Active members', value: formatCount(k.activeMembers), hint: k.members > 0 ? `${formatPercent(k.activeMembers / k.members)} bought in the period` : undefined },
    { name: 'average-receipt', label: 'Average receipt', value: formatMoneyCompact(k.averageReceiptMinor), hint: `${formatCount(k.receipts)} receipts` },
    { name: 'purchase-frequency', label: 'Purchase frequency', value: k.purchaseFrequency === null ? '—' : k.purchaseFrequency.toFixed(2), hint: 'receipts per active member' },
    { name: 'repeat-rate', label: 'Repeat-purchase rate', value: formatPercent(k.repeatPurchaseRate), hint: 'active members with 2+ receipts' },
    { name: 'retention', label: 'Retention', value: formatPercent(k.retentionRate), hint: 'of last period’s buyers bought again' },
    { name: 'churn', label: 'Churn', value: formatPercent(k.churnRate) },
    { name: 'margin-per-member', label: 'Margin per active member', value: formatMoneyCompact(k.marginPerActiveMemberMinor) },
    { name: 'cltv', label: 'Customer lifetime value', value: formatMoneyCompact(k.cltvMinor), hint: 'margin, discounted' },
    { name: 'lost-regulars', label: 'Lost regulars', value: formatCount(k.lostRegulars), hint: 'used to buy often, stopped' },
    { name: 'lost-newcomers', label: 'Lost newcomers', value: formatCount(k.lostNewcomers), hint: 'bought once or twice, never came back' },
  ];
}

export interface CampaignRow {
  id: string;
  name: string;
  status: string | null;
  startsOn: string;
  endsOn: string;
  holdoutPct: number;
  m: CampaignMeasurementView;
  verdict: 'positive' | 'negative' | 'inconclusive';
}

/** One campaign's row: its name from the campaign list when known, its figures from analytics. */
export function campaignRow(m: CampaignMeasurementView, campaign?: Campaign | null): CampaignRow {
  return {
    id: m.campaignId,
    name: campaign?.name ?? m.campaignId,
    status: campaign?.status ?? null,
    startsOn: m.from,
    endsOn: m.to,
    holdoutPct: m.holdoutPct,
    m,
    verdict: intervalVerdict(m.revenueLift?.ciLow, m.revenueLift?.ciHigh),
  };
}

export interface SegmentView {
  name: string;
  customers: number;
  spendMinor: number;
  share: number | null;
}

/** RFM segments, largest first, with each one's share of scored customers. */
export function rfmSegments(r: RfmReport): SegmentView[] {
  const total = r.customers > 0 ? r.customers : r.segments.reduce((s, x) => s + x.customers, 0);
  return r.segments
    .map((s) => ({ name: s.segment, customers: s.customers, spendMinor: s.spendMinor, share: total > 0 ? s.customers / total : null }))
    .sort((a, b) => b.customers - a.customers || a.name.localeCompare(b.name));
}

/** "at_risk" → "At risk". */
export function segmentLabel(name: string): string {
  const s = name.replace(/[_-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** What each RFM segment means, for the table's hint column. */
export const SEGMENT_HINTS: Record<string, string> = {
  champions: 'Bought recently, often, and spend the most',
  loyal: 'Buy often; respond to rewards',
  potential: 'Recent, average frequency: could become loyal',
  new: 'First purchases were recent',
  need_attention: 'Above average, but slipping',
  at_risk: 'Used to buy often and spend well; not lately',
  hibernating: 'Low recency and frequency',
  lost: 'Lowest recency, frequency and spend',
};

/** Largest score list the RFM route returns (its `limit` maximum). */
export const RFM_SCORES_LIMIT = 5000;

/** The promotion segment an RFM group is saved as: "at_risk" → "rfm-at_risk". */
export function rfmSegmentName(segment: string): string {
  return `rfm-${segment}`;
}

/**
 * Customer ids of one RFM segment from a report fetched with scores. `complete` is false when
 * the report was capped (more scored customers than scores returned), so the UI can say so.
 */
export function rfmMembers(r: RfmReport, segment: string): { customerIds: string[]; complete: boolean } {
  return {
    customerIds: r.scores.filter((s) => s.segment === segment).map((s) => s.customerId),
    complete: r.scores.length >= r.customers,
  };
}
