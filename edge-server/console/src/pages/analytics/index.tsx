import { useState } from 'preact/hooks';
import { KpiCard, KpiGrid } from '../../components/kpi-card';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { CampaignResultsTable } from '../../components/campaign-results';
import { campaignMeasurement, listOf, periodOf, programKpis } from '../../lib/analytics';
import { EP, qs } from '../../lib/endpoints';
import { useApi } from '../../lib/use-api';
import { RfmPanel } from './rfm-panel';
import style from './style.module.css';

const PERIODS = [
  { id: '30', label: 'Last 30 days' },
  { id: '90', label: 'Last 90 days' },
  { id: '365', label: 'Last 12 months' },
] as const;

/** Program KPIs, campaign results (treatment vs control, lift with 95% CI, ROI) and RFM segments. */
export default function AnalyticsPage() {
  const [days, setDays] = useState<string>('90');
  const kpis = useApi<unknown>(EP.analyticsKpis(qs({ days })));
  const campaigns = useApi<unknown>(EP.analyticsCampaigns);

  return (
    <>
      <PageHeader
        title="Analytics"
        description="How the loyalty program and its campaigns perform. Campaign effects are measured against a randomly held-out control group."
        actions={
          <label class={style.period}>
            <span>Period</span>
            <select class="select" value={days} onChange={(e) => setDays(e.currentTarget.value)} data-testid="analytics-period">
              {PERIODS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
        }
      />
      <h2 class={style.h2}>Program</h2>
      <QueryView query={kpis} what="program KPIs">
        {(raw) => {
          const cards = programKpis(raw);
          const period = periodOf(raw);
          return cards.length === 0 ? (
            <EmptyState title="No KPIs yet">The server answered without any KPI it knows; import receipts first.</EmptyState>
          ) : (
            <>
              {period && <p class={style.period_note}>Period: {period}</p>}
              <KpiGrid>
                {cards.map((k) => (
                  <KpiCard key={k.name} name={k.name} label={k.label} value={k.value} hint={k.hint} />
                ))}
              </KpiGrid>
            </>
          );
        }}
      </QueryView>
      <Panel title="Campaign results" flush testId="campaign-results">
        <QueryView query={campaigns} what="campaign measurement">
          {(raw) => {
            const rows = listOf(raw, 'campaigns').map(campaignMeasurement);
            return rows.length === 0 ? (
              <div class={style.pad}>
                <EmptyState title="No campaigns measured yet">Campaigns appear here once they have treatment and control customers.</EmptyState>
              </div>
            ) : (
              <>
                <CampaignResultsTable rows={rows} />
                <p class={style.footnote}>
                  Lift = (treatment − control) / control revenue per customer. ROI = (incremental margin − cost of discounts and points) / cost. “Not
                  significant” means the 95% interval includes zero.
                </p>
              </>
            );
          }}
        </QueryView>
      </Panel>
      <RfmPanel />
    </>
  );
}
