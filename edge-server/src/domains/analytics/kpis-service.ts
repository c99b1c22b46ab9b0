import type { CampaignMeasurementView, ProgramKpisView, RfmReport } from '@vitrina/contracts';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { addDays, daysBetween, isLocalDateNear } from '../../shared/calendar.js';
import { measureCampaign, type CustomerOutcome } from './kpis/campaign.js';
import { programKpis } from './kpis/program.js';
import { scoreRfm, type RfmSegment } from './kpis/rfm.js';
import type { KpisRepository } from './kpis-repository.js';
import { npsOf } from '../surveys/index.js';

/** How far from the store's today a report's pinned `today` may be. */
const TODAY_RANGE_YEARS = 5;

const SEGMENTS: RfmSegment[] = ['champions', 'loyal', 'new', 'potential', 'at_risk', 'hibernating', 'lost', 'need_attention'];

/** Campaign measurement and program KPIs, computed from the store's own data on request. */
export class KpisService {
  constructor(
    private readonly repo: KpisRepository,
    private readonly program: { settings(): Promise<{ pointValueMinor: number; defaultMarginBp: number }>; today(): string },
  ) {}

  async campaign(id: string): Promise<CampaignMeasurementView> {
    const c = await this.repo.campaign(id);
    if (!c) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No campaign "${id}".`);
    const s = await this.program.settings();
    const [outcomes, costs] = await Promise.all([this.repo.campaignOutcomes(id, c.starts_on, c.ends_on, s.defaultMarginBp), this.repo.campaignCosts(id)]);
    const costOf = new Map(costs.map((x) => [x.customerId, x]));
    const rows: CustomerOutcome[] = outcomes.map((o) => {
      const k = costOf.get(o.customerId);
      return {
        arm: o.arm, revenueMinor: o.revenueMinor, marginMinor: o.marginMinor,
        campaignDiscountMinor: k?.discountMinor ?? 0, campaignPoints: k?.points ?? 0, reached: (k?.reached ?? 0) === 1, redeemed: (k?.redeemed ?? 0) === 1,
      };
    });
    return { campaignId: id, from: c.starts_on, to: c.ends_on, holdoutPct: c.holdout_pct, ...measureCampaign(rows, s.pointValueMinor) };
  }

  async programKpis(today = this.program.today(), periodDays = 90): Promise<ProgramKpisView> {
    this.checkToday(today);
    const s = await this.program.settings();
    const [members, facts, scores] = await Promise.all([this.repo.members(), this.repo.saleFacts(today, s.defaultMarginBp), this.repo.surveyScores(addDays(today, -periodDays + 1), today)]);
    const satisfaction = npsOf(scores);
    return {
      ...programKpis(members, facts, today, periodDays),
      surveyAnswers: satisfaction.answers, nps: satisfaction.nps, promoterShare: satisfaction.promoterShare, averageScore: satisfaction.averageScore,
    };
  }

  async rfm(today = this.program.today(), lookbackDays = 365, limit = 100): Promise<RfmReport> {
    this.checkToday(today);
    const s = await this.program.settings();
    const from = addDays(today, -lookbackDays + 1);
    const facts = (await this.repo.saleFacts(today, s.defaultMarginBp)).filter((f) => f.localDate >= from);
    const by = new Map<string, { last: string; purchases: number; spend: number }>();
    for (const f of facts) {
      const x = by.get(f.customerId) ?? { last: '', purchases: 0, spend: 0 };
      x.purchases++;
      x.spend += f.netMinor;
      if (f.localDate > x.last) x.last = f.localDate;
      by.set(f.customerId, x);
    }
    const scores = scoreRfm([...by.entries()].map(([customerId, x]) => ({ customerId, daysSinceLast: daysBetween(x.last, today), purchases: x.purchases, spendMinor: x.spend })));
    return {
      today, lookbackDays, customers: scores.length,
      segments: SEGMENTS.map((segment) => {
        const inSeg = scores.filter((x) => x.segment === segment);
        return { segment, customers: inSeg.length, spendMinor: inSeg.reduce((t, x) => t + x.spendMinor, 0) };
      }),
      scores: scores.sort((a, b) => b.r + b.f + b.m - (a.r + a.f + a.m) || (a.customerId < b.customerId ? -1 : 1)).slice(0, limit),
    };
  }

  /** The RFM class of every customer with a sale in the look-back (live segments' `rfm` rule). */
  async rfmClasses(today: string, lookbackDays: number): Promise<Map<string, string>> {
    const r = await this.rfm(today, lookbackDays, Number.MAX_SAFE_INTEGER);
    return new Map(r.scores.map((s) => [s.customerId, s.segment]));
  }

  /** A report's last day: a real calendar day near the store's today (2026-02-31 and 9999-12-31 are refused). */
  private checkToday(today: string) {
    const storeToday = this.program.today();
    if (!isLocalDateNear(today, storeToday, TODAY_RANGE_YEARS)) {
      throw new VitrinaError('VITRINA_ERR_VALIDATION', `today must be a real day (YYYY-MM-DD) within ${TODAY_RANGE_YEARS} years of ${storeToday}.`);
    }
  }
}
