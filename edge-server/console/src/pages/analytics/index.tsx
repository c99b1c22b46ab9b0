import { useState } from 'preact/hooks';
import { ROUTES } from '@vitrina/contracts';
import { KpiCard, KpiGrid } from '../../components/kpi-card';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '../../components/query-view';
import { CampaignResultsPanel } from '../../components/campaign-results/panel';
import { programKpis } from '../../lib/analytics';
import { formatLocalDate } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { RfmPanel } from './rfm-panel';
import style from './style.module.css';

const PERIODS = [
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 365, label: 'Last 12 months' },
] as const;

/** Program KPIs, campaign results (treatment vs control, lift with 95% CI, ROI) and RFM segments. */
export default function AnalyticsPage() {
  const [days, setDays] = useState<number>(90);
  const kpis = useApi(ROUTES.analytics.program, { query: { periodDays: days } });

  return (
    <>
      <PageHeader
        title="Analytics"
        description="How the loyalty program and its campaigns perform. Campaign effects are measured against a randomly held-out control group."
        actions={
          <label class={style.period}>
            <span>Period</span>
            <select class="select" value={String(days)} onChange={(e) => setDays(Number(e.currentTarget.value))} data-testid="analytics-period">
              {PERIODS.map((p) => (
                <option key={p.days} value={String(p.days)}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
        }
      />
      <section aria-labelledby="program-title" data-testid="program-kpis">
        <h2 id="program-title" class={style.h2}>
          Loyalty program
          {kpis.data && (
            <span class={style.periodNote}>
              {formatLocalDate(kpis.data.from)} – {formatLocalDate(kpis.data.to)}
            </span>
          )}
        </h2>
        <QueryView query={kpis} what="program KPIs">
          {(k) => (
            <KpiGrid>
              {programKpis(k).map((c) => (
                <KpiCard key={c.name} name={c.name} label={c.label} value={c.value} hint={c.hint} />
              ))}
            </KpiGrid>
          )}
        </QueryView>
      </section>
      <CampaignResultsPanel />
      <RfmPanel />
    </>
  );
}
