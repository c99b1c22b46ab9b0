import type { ChainCampaign, ChainCampaignLift, ChainKpiRow, ChainKpisView, StoreLift } from '@vitrina/contracts';
import { armFor } from '../../../domains/promotions/index.js';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import type { PublicationsRepository } from '../publish/publications-repository.js';
import type { StoresRepository } from '../stores/stores-repository.js';
import type { ChainAnalyticsRepository, StoreKpiRow } from './analytics-repository.js';
import { meanDifference, poolDifferences, POOLING_METHOD, proportionDifference } from './pooled.js';

const DEFAULT_PERIOD_DAYS = 90;

/** Chain analytics: program KPIs per store and for the chain; a chain campaign's lift per store and pooled. */
export class ChainAnalyticsService {
  constructor(
    private readonly repo: ChainAnalyticsRepository,
    private readonly stores: StoresRepository,
    private readonly publications: PublicationsRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async kpis(q: { from?: string; to?: string } = {}): Promise<ChainKpisView> {
    const to = q.to ?? this.now().toISOString().slice(0, 10);
    const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_PERIOD_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    if (from > to) throw new VitrinaError('VITRINA_ERR_VALIDATION', `from ${from} is after to ${to}.`);
    const rows = await this.repo.kpis(from, to);
    const names = new Map((await this.stores.list()).map((s) => [s.id, s]));
    const total = rows.reduce<StoreKpiRow>((acc, r) => {
      for (const k of Object.keys(acc) as Array<keyof StoreKpiRow>) if (k !== 'storeId') (acc[k] as number) += r[k] as number;
      return acc;
    }, { storeId: '', receipts: 0, salesMinor: 0, saleReceipts: 0, memberReceipts: 0, members: 0, pointsEarned: 0, pointsRedeemed: 0, promoters: 0, detractors: 0, surveyAnswers: 0, plays: 0 });
    return {
      from, to,
      chain: kpiRow(total, null, 'Chain', ''),
      stores: rows.map((r) => kpiRow(r, r.storeId, names.get(r.storeId)?.name ?? r.storeId, names.get(r.storeId)?.region ?? '')),
    };
  }

  /**
   * A campaign head office published: at each store it went to, the members scanned in its
   * window split into the arms the store itself assigned (`armFor` is a pure function of
   * campaign and shopper, the store's own rule), compared on buying and on revenue.
   */
  async campaignLift(campaignId: string): Promise<ChainCampaignLift> {
    const published = await this.publications.lastPayload<ChainCampaign>('campaigns', campaignId);
    if (!published) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `Head office has not published campaign ${campaignId}.`);
    const c = published.payload.campaign;
    const stores: StoreLift[] = [];
    for (const storeId of published.storeIds) {
      const shoppers = await this.repo.reachedShoppers(storeId, c.startsOn, c.endsOn);
      const arms = { treatment: [] as typeof shoppers, control: [] as typeof shoppers };
      for (const s of shoppers) arms[armFor(c.id, s.customerId, c.holdoutPct)].push(s);
      const arm = (xs: typeof shoppers) => ({ shoppers: xs.length, buyers: xs.filter((s) => s.sales > 0).length, revenueMinor: xs.reduce((a, s) => a + s.revenueMinor, 0) });
      const t = arm(arms.treatment);
      const k = arm(arms.control);
      stores.push({
        storeId, treatment: t, control: k,
        conversion: proportionDifference(t.buyers, t.shoppers, k.buyers, k.shoppers),
        revenuePerShopper: meanDifference(arms.treatment.map((s) => s.revenueMinor), arms.control.map((s) => s.revenueMinor)),
      });
    }
    return {
      campaignId, name: c.name, from: c.startsOn, to: c.endsOn, holdoutPct: c.holdoutPct, method: POOLING_METHOD, stores,
      conversion: poolDifferences(stores.map((s) => s.conversion)),
      revenuePerShopper: poolDifferences(stores.map((s) => s.revenuePerShopper)),
    };
  }
}

function kpiRow(r: StoreKpiRow, storeId: string | null, name: string, region: string): ChainKpiRow {
  return {
    storeId, name, region, receipts: r.receipts, salesMinor: r.salesMinor, members: r.members,
    memberShare: r.receipts ? r.memberReceipts / r.receipts : 0,
    avgBasketMinor: r.saleReceipts ? r.salesMinor / r.saleReceipts : 0,
    pointsEarned: r.pointsEarned, pointsRedeemed: r.pointsRedeemed,
    nps: r.surveyAnswers ? Math.round(((r.promoters - r.detractors) / r.surveyAnswers) * 1000) / 10 : null,
    surveyAnswers: r.surveyAnswers, plays: r.plays,
  };
}
