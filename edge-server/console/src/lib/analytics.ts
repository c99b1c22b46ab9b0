import type { Campaign, CampaignMeasurementView, ProgramKpisView, RfmReport } from '@vitrina/contracts';
import { formatCount, formatMoneyCompact, formatPercent, intervalVerdict } from './format';
import { consoleI18n } from './i18n';

/** View models for the analytics pages, from the analytics contracts (ratios stay ratios until formatted). */

export interface KpiView {
  name: string;
  label: string;
  value: string;
  hint?: string;
}

/** An NPS: −100..100 with its sign ("+42", "−7", "0"). */
export function formatSigned(x: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(x);
}

/** Program KPIs in the order a manager reads them; null figures (too little data) show "—". */
export function programKpis(k: ProgramKpisView): KpiView[] {
  const { t, fmt } = consoleI18n.current();
  const frequency = k.purchaseFrequency === null ? '—' : new Intl.NumberFormat(fmt.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(k.purchaseFrequency);
  return [
    { name: 'members', label: t('analytics.kpi.members'), value: formatCount(k.members) },
    { name: 'active-members', label: t('analytics.kpi.activeMembers'), value: formatCount(k.activeMembers), hint: k.members > 0 ? t('analytics.kpi.activeMembersHint', { pct: formatPercent(k.activeMembers / k.members) }) : undefined },
    { name: 'average-receipt', label: t('analytics.kpi.averageReceipt'), value: formatMoneyCompact(k.averageReceiptMinor), hint: t('analytics.kpi.receipts', { count: k.receipts, n: formatCount(k.receipts) }) },
    { name: 'purchase-frequency', label: t('analytics.kpi.frequency'), value: frequency, hint: t('analytics.kpi.frequencyHint') },
    { name: 'repeat-rate', label: t('analytics.kpi.repeatRate'), value: formatPercent(k.repeatPurchaseRate), hint: t('analytics.kpi.repeatRateHint') },
    { name: 'retention', label: t('analytics.kpi.retention'), value: formatPercent(k.retentionRate), hint: t('analytics.kpi.retentionHint') },
    { name: 'churn', label: t('analytics.kpi.churn'), value: formatPercent(k.churnRate) },
    { name: 'margin-per-member', label: t('analytics.kpi.marginPerMember'), value: formatMoneyCompact(k.marginPerActiveMemberMinor) },
    { name: 'cltv', label: t('analytics.kpi.cltv'), value: formatMoneyCompact(k.cltvMinor), hint: t('analytics.kpi.cltvHint') },
    { name: 'lost-regulars', label: t('analytics.kpi.lostRegulars'), value: formatCount(k.lostRegulars), hint: t('analytics.kpi.lostRegularsHint') },
    { name: 'lost-newcomers', label: t('analytics.kpi.lostNewcomers'), value: formatCount(k.lostNewcomers), hint: t('analytics.kpi.lostNewcomersHint') },
    { name: 'nps', label: t('analytics.kpi.nps'), value: k.nps === null ? '—' : formatSigned(k.nps, fmt.locale), hint: t('analytics.kpi.npsHint', { count: k.surveyAnswers, n: formatCount(k.surveyAnswers) }) },
    {
      name: 'satisfaction', label: t('analytics.kpi.satisfaction'), value: formatPercent(k.promoterShare),
      hint: k.averageScore === null ? t('analytics.kpi.satisfactionNone') : t('analytics.kpi.satisfactionHint', { avg: new Intl.NumberFormat(fmt.locale, { maximumFractionDigits: 1 }).format(k.averageScore) }),
    },
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

/** The RFM segments the server scores into, with their catalogue entries (literal keys for the catalogue test). */
function segmentWords(name: string): { label: string; hint: string } | null {
  const { t } = consoleI18n.current();
  switch (name) {
    case 'champions':
      return { label: t('analytics.segments.champions'), hint: t('analytics.segments.championsHint') };
    case 'loyal':
      return { label: t('analytics.segments.loyal'), hint: t('analytics.segments.loyalHint') };
    case 'potential':
      return { label: t('analytics.segments.potential'), hint: t('analytics.segments.potentialHint') };
    case 'new':
      return { label: t('analytics.segments.new'), hint: t('analytics.segments.newHint') };
    case 'need_attention':
      return { label: t('analytics.segments.needAttention'), hint: t('analytics.segments.needAttentionHint') };
    case 'at_risk':
      return { label: t('analytics.segments.atRisk'), hint: t('analytics.segments.atRiskHint') };
    case 'hibernating':
      return { label: t('analytics.segments.hibernating'), hint: t('analytics.segments.hibernatingHint') };
    case 'lost':
      return { label: t('analytics.segments.lost'), hint: t('analytics.segments.lostHint') };
    default:
      return null;
  }
}

/** "at_risk" → "At risk" (in the user's language; an unknown segment is prettified as it is). */
export function segmentLabel(name: string): string {
  const known = segmentWords(name);
  if (known) return known.label;
  const s = name.replace(/[_-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** What an RFM segment means, for the table's hint column; null for a segment without one. */
export function segmentHint(name: string): string | null {
  return segmentWords(name)?.hint ?? null;
}

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
