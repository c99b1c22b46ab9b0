import { useMemo, useState } from 'preact/hooks';
import { ROUTES } from '@vitrina/contracts';
import { KpiCard, KpiGrid } from '../../components/kpi-card';
import { PageHeader } from '../../components/page-header';
import { PeriodSelect } from '../../components/period-select';
import { bucketFor, lastDays } from '../../lib/reports';
import { CampaignTimelinePanel } from './campaign-timeline-panel';
import { LiabilityPanel } from './liability-panel';
import { SalesPanel } from './sales-panel';
import { TrendsPanel } from './trends-panel';
import { QueryView } from '../../components/query-view';
import { CampaignResultsPanel } from '../../components/campaign-results/panel';
import { programKpis } from '../../lib/analytics';
import { formatLocalDate } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { RfmPanel } from './rfm-panel';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/**
 * Program KPIs; the program over time (charts), sales reports and points liability with their CSV
 * exports; campaign results (treatment vs control, lift with 95% CI, ROI) and their timeline; RFM segments.
 */
export default function AnalyticsPage() {
  const { t, fmt } = useT();
  const [days, setDays] = useState<number>(90);
  const period = useMemo(() => ({ ...lastDays(days, fmt.timeZone), bucket: bucketFor(days) }), [days, fmt.timeZone]);
  const kpis = useApi(ROUTES.analytics.program, { query: { periodDays: days } });

  return (
    <>
      <PageHeader
        title={routeTitle({ id: 'analytics', title: 'Analytics' }, t)}
        description={t('analytics.description')}
        actions={
          <PeriodSelect days={days} onChange={setDays} testId="analytics-period" />
        }
      />
      <section aria-labelledby="program-title" data-testid="program-kpis">
        <h2 id="program-title" class={style.h2}>
          {t('analytics.program')}
          {kpis.data && (
            <span class={style.periodNote}>
              {formatLocalDate(kpis.data.from)} – {formatLocalDate(kpis.data.to)}
            </span>
          )}
        </h2>
        <QueryView query={kpis} what={t('analytics.whatKpis')}>
          {(k) => (
            <KpiGrid>
              {programKpis(k).map((c) => (
                <KpiCard key={c.name} name={c.name} label={c.label} value={c.value} hint={c.hint} />
              ))}
            </KpiGrid>
          )}
        </QueryView>
      </section>
      <div class={style.reports}>
        <TrendsPanel period={period} />
        <SalesPanel period={period} />
        <LiabilityPanel />
      </div>
      <CampaignResultsPanel />
      <CampaignTimelinePanel />
      <RfmPanel />
    </>
  );
}
