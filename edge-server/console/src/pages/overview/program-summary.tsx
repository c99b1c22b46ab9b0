import { ROUTES } from '@vitrina/contracts';
import { KpiCard, KpiGrid } from '../../components/kpi-card';
import { Panel } from '../../components/panel';
import { ErrorNotice } from '../../components/query-view';
import { programKpis } from '../../lib/analytics';
import { ApiError } from '../../lib/api-error';
import { hrefFor } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { onLinkClick } from '../../lib/use-location';
import { useT } from '../../lib/use-t';

const HEADLINE = ['members', 'active-members', 'average-receipt', 'repeat-rate'];

/** The four headline program KPIs; the analytics page has the rest. Quiet when analytics is absent. */
export function ProgramSummary({ base }: { base: string }) {
  const { t } = useT();
  const kpis = useApi(ROUTES.analytics.program, { query: { periodDays: 30 } });
  if (kpis.error instanceof ApiError && kpis.error.isNotAvailable) return null;
  const cards = kpis.data ? programKpis(kpis.data).filter((k) => HEADLINE.includes(k.name)) : [];
  return (
    <Panel
      title={t('overview.programTitle')}
      actions={
        <a class="btn btn-small" href={hrefFor(base, 'analytics')} onClick={onLinkClick} data-testid="overview-analytics-link">
          {t('overview.openAnalytics')}
        </a>
      }
    >
      {kpis.error && <ErrorNotice error={kpis.error} onRetry={kpis.reload} />}
      {cards.length > 0 && (
        <KpiGrid>
          {cards.map((k) => (
            <KpiCard key={k.name} name={k.name} label={k.label} value={k.value} hint={k.hint} />
          ))}
        </KpiGrid>
      )}
      {kpis.loading && kpis.data === undefined && <p class="muted">{t('common.loading')}</p>}
    </Panel>
  );
}
