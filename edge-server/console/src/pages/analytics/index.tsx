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
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

const PERIODS = [30, 90, 365] as const;

/** Program KPIs, campaign results (treatment vs control, lift with 95% CI, ROI) and RFM segments. */
export default function AnalyticsPage() {
  const { t } = useT();
  const [days, setDays] = useState<number>(90);
  const periodLabel = (d: (typeof PERIODS)[number]) => (d === 30 ? t('analytics.last30') : d === 90 ? t('analytics.last90') : t('analytics.last12Months'));
  const kpis = useApi(ROUTES.analytics.program, { query: { periodDays: days } });

  return (
    <>
      <PageHeader
        title={routeTitle({ id: 'analytics', title: 'Analytics' }, t)}
        description={t('analytics.description')}
        actions={
          <label class={style.period}>
            <span>{t('analytics.period')}</span>
            <select class="select" value={String(days)} onChange={(e) => setDays(Number(e.currentTarget.value))} data-testid="analytics-period">
              {PERIODS.map((d) => (
                <option key={d} value={String(d)}>
                  {periodLabel(d)}
                </option>
              ))}
            </select>
          </label>
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
      <CampaignResultsPanel />
      <RfmPanel />
    </>
  );
}
