import { useState } from 'preact/hooks';
import type { Difference } from '@vitrina/contracts';
import { ChartView } from '../../components/chart';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { formatMoney, formatPercent } from '../../lib/format';
import { useChainAnalytics } from '../../lib/use-chain-analytics';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/** "+12.0% (+4.1% … +19.9%)": a difference of proportions with its 95% interval. */
function percentDiff(d: Difference | null): string {
  if (!d) return '—';
  const p = (x: number) => formatPercent(x, { signed: true });
  return `${p(d.diff)} (${p(d.lo)} … ${p(d.hi)})`;
}
function moneyDiff(d: Difference | null): string {
  if (!d) return '—';
  return `${formatMoney(Math.round(d.diff))} (${formatMoney(Math.round(d.lo))} … ${formatMoney(Math.round(d.hi))})`;
}

/**
 * Chain analytics: program KPIs per store beside the chain's (table and a sales chart), and
 * the lift of a campaign head office published, per store and pooled across stores with 95%
 * intervals (the method is printed under the table).
 */
export default function ChainAnalyticsPage() {
  const { t } = useT();
  const [window, setWindow] = useState<{ from?: string; to?: string }>({});
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const { kpis, lift, campaigns } = useChainAnalytics(window, campaignId);

  return (
    <>
      <PageHeader title={t('nav.chain-analytics')} description={t('chainAnalytics.description')} />
      <Panel title={t('chainAnalytics.kpis')} testId="chain-kpis">
        <form class={style.window} onSubmit={(e) => e.preventDefault()}>
          <label class="field">
            <span>{t('chainAnalytics.from')}</span>
            <input class="input" type="date" value={window.from ?? ''} onChange={(e) => setWindow({ ...window, from: e.currentTarget.value || undefined })} />
          </label>
          <label class="field">
            <span>{t('chainAnalytics.to')}</span>
            <input class="input" type="date" value={window.to ?? ''} onChange={(e) => setWindow({ ...window, to: e.currentTarget.value || undefined })} />
          </label>
        </form>
        <QueryView query={kpis} what={t('chainAnalytics.kpis')}>
          {(view) => (
            <>
              <ChartView
                type="bar"
                label={t('chainAnalytics.salesChart')}
                testId="chain-sales-chart"
                data={{ labels: view.stores.map((s) => s.name), datasets: [{ label: t('chainAnalytics.sales'), data: view.stores.map((s) => s.salesMinor / 100) }] }}
                fallback={view.stores.map((s) => `${s.name}: ${formatMoney(s.salesMinor)}`).join('; ')}
              />
              <table class="table" data-testid="chain-kpis-table">
                <thead>
                  <tr>
                    <th>{t('chainAnalytics.store')}</th>
                    <th>{t('chainAnalytics.receipts')}</th>
                    <th>{t('chainAnalytics.sales')}</th>
                    <th>{t('chainAnalytics.avgBasket')}</th>
                    <th>{t('chainAnalytics.memberShare')}</th>
                    <th>{t('chainAnalytics.points')}</th>
                    <th>NPS</th>
                    <th>{t('chainAnalytics.plays')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...view.stores, view.chain].map((r) => (
                    <tr key={r.storeId ?? 'chain'} class={r.storeId === null ? style.total : undefined}>
                      <td>
                        {r.storeId === null ? t('chainAnalytics.chain') : r.name} {r.region && <span class="muted">{r.region}</span>}
                      </td>
                      <td>{r.receipts}</td>
                      <td>{formatMoney(r.salesMinor)}</td>
                      <td>{formatMoney(Math.round(r.avgBasketMinor))}</td>
                      <td>{formatPercent(r.memberShare)}</td>
                      <td>
                        +{r.pointsEarned} / −{r.pointsRedeemed}
                      </td>
                      <td>{r.nps === null ? '—' : r.nps}</td>
                      <td>{r.plays}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </QueryView>
      </Panel>

      <Panel title={t('chainAnalytics.lift')} testId="chain-lift">
        {campaigns.length === 0 ? (
          <EmptyState title={t('chainAnalytics.noCampaigns')} />
        ) : (
          <label class="field">
            <span>{t('chainAnalytics.campaign')}</span>
            <select class="select" value={campaignId ?? ''} onChange={(e) => setCampaignId(e.currentTarget.value || null)} data-testid="chain-lift-campaign">
              <option value="">—</option>
              {campaigns.map((c) => (
                <option key={c.entityId} value={c.entityId}>
                  {c.summary}
                </option>
              ))}
            </select>
          </label>
        )}
        {campaignId && (
          <QueryView query={lift} what={t('chainAnalytics.lift')}>
            {(l) => (
              <>
                <ChartView
                  type="bar"
                  label={t('chainAnalytics.liftChart')}
                  data={{
                    labels: [...l.stores.map((s) => s.storeId), t('chainAnalytics.pooled')],
                    datasets: [{ label: t('chainAnalytics.conversionLift'), data: [...l.stores.map((s) => (s.conversion?.diff ?? 0) * 100), (l.conversion?.diff ?? 0) * 100] }],
                  }}
                  fallback={`${t('chainAnalytics.pooled')}: ${percentDiff(l.conversion)}`}
                />
                <table class="table" data-testid="chain-lift-table">
                  <thead>
                    <tr>
                      <th>{t('chainAnalytics.store')}</th>
                      <th>{t('chainAnalytics.arms')}</th>
                      <th>{t('chainAnalytics.conversionLift')}</th>
                      <th>{t('chainAnalytics.revenueLift')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {l.stores.map((s) => (
                      <tr key={s.storeId}>
                        <td>{s.storeId}</td>
                        <td>
                          {s.treatment.buyers}/{s.treatment.shoppers} · {s.control.buyers}/{s.control.shoppers}
                        </td>
                        <td>{percentDiff(s.conversion)}</td>
                        <td>{moneyDiff(s.revenuePerShopper)}</td>
                      </tr>
                    ))}
                    <tr class={style.total}>
                      <td>{t('chainAnalytics.pooled')}</td>
                      <td />
                      <td data-testid="chain-lift-pooled">{percentDiff(l.conversion)}</td>
                      <td>{moneyDiff(l.revenuePerShopper)}</td>
                    </tr>
                  </tbody>
                </table>
                <p class="muted">{l.method}</p>
              </>
            )}
          </QueryView>
        )}
      </Panel>
    </>
  );
}
