import { ROUTES } from '@vitrina/contracts';
import { KpiCard, KpiGrid } from '../../components/kpi-card';
import { Panel } from '../../components/panel';
import { ApiError } from '../../lib/api-error';
import { formatCount } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useT } from '../../lib/use-t';

const ms = (v: number | null) => (v === null ? '—' : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`);

/** Recent scan-path timings and server memory, for the technician; quiet on servers without it. */
export function PerformancePanel() {
  const { t } = useT();
  const metrics = useApi(ROUTES.system.metrics, { refreshMs: 15_000 });
  if (!metrics.data || (metrics.error instanceof ApiError && metrics.error.isNotAvailable)) return null;
  const m = metrics.data;
  return (
    <Panel title={t('overview.performanceTitle')} testId="performance-panel">
      <KpiGrid>
        <KpiCard name="scans" label={t('overview.scans')} value={formatCount(m.scanMs.window)} hint={t('overview.sinceStart', { n: formatCount(m.scanMs.count) })} />
        <KpiCard name="scan-p95" label={t('overview.scanP95')} value={ms(m.scanMs.p95)} hint={`p50 ${ms(m.scanMs.p50)} · max ${ms(m.scanMs.max)}`} />
        <KpiCard name="rank-p95" label={t('overview.rankP95')} value={ms(m.rankMs.p95)} hint={`p50 ${ms(m.rankMs.p50)}`} />
        <KpiCard name="memory" label={t('overview.memory')} value={`${Math.round(m.rssMb)} MB`} hint={t('overview.heap', { mb: Math.round(m.heapUsedMb) })} />
      </KpiGrid>
    </Panel>
  );
}
