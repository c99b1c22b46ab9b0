import { KpiCard, KpiGrid } from '../../components/kpi-card';
import { Panel } from '../../components/panel';
import { ApiError } from '../../lib/api-error';
import { EP } from '../../lib/endpoints';
import { formatCount } from '../../lib/format';
import { useApi } from '../../lib/use-api';

/** The shape of GET /api/metrics (not part of @vitrina/contracts: it is a technician's endpoint). */
interface Summary {
  count: number;
  window: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}
interface Metrics {
  scanMs: Summary;
  rankMs: Summary;
  rssMb: number;
  heapUsedMb: number;
}

const ms = (v: number | null) => (v === null ? '—' : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`);

/** Recent scan-path timings and server memory, for the technician; quiet on servers without it. */
export function PerformancePanel() {
  const metrics = useApi<Metrics>(EP.metrics, { refreshMs: 15_000 });
  if (!metrics.data || (metrics.error instanceof ApiError && metrics.error.isNotAvailable)) return null;
  const m = metrics.data;
  return (
    <Panel title="Scan performance (recent scans)" testId="performance-panel">
      <KpiGrid>
        <KpiCard name="scans" label="Scans measured" value={formatCount(m.scanMs.window)} hint={`${formatCount(m.scanMs.count)} since start`} />
        <KpiCard name="scan-p95" label="Scan → offers, p95" value={ms(m.scanMs.p95)} hint={`p50 ${ms(m.scanMs.p50)} · max ${ms(m.scanMs.max)}`} />
        <KpiCard name="rank-p95" label="Model ranking, p95" value={ms(m.rankMs.p95)} hint={`p50 ${ms(m.rankMs.p50)}`} />
        <KpiCard name="memory" label="Server memory" value={`${Math.round(m.rssMb)} MB`} hint={`heap ${Math.round(m.heapUsedMb)} MB`} />
      </KpiGrid>
    </Panel>
  );
}
