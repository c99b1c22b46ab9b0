import { useMemo } from 'preact/hooks';
import { ROUTES, type ProgramSeries, type SeriesPoint } from '@vitrina/contracts';
import { ChartView } from '../../components/chart';
import { Panel } from '../../components/panel';
import { ErrorNotice, QueryView } from '../../components/query-view';
import { downloadFile } from '../../lib/download-file';
import { formatCount, formatMoney } from '../../lib/format';
import { bucketLabel } from '../../lib/reports';
import { routeUrl } from '../../lib/route-url';
import { useAction, useApi } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

type Period = { from: string; to: string; bucket: ProgramSeries['bucket'] };
const COLORS = ['#1f4e79', '#3b82c4', '#c0504d', '#9bbb59'];

/** The program over time: members, activity, sales, average receipt, frequency, points and NPS per bucket. */
export function TrendsPanel({ period }: { period: Period }) {
  const { t } = useT();
  const series = useApi(ROUTES.reports.series, { query: period });
  const download = useAction(() => downloadFile(routeUrl(ROUTES.reports.seriesCsv, { query: period }), 'vitrina-series.csv'));
  return (
    <Panel
      title={t('reports.trends')}
      testId="trends-panel"
      actions={
        <button type="button" class="btn btn-small" disabled={download.pending} onClick={() => void download.run()} data-testid="series-export">
          {t('reports.downloadCsv')}
        </button>
      }
    >
      {download.error && <ErrorNotice error={download.error} />}
      <QueryView query={series} what={t('reports.whatSeries')}>
        {(s) => <Charts series={s} />}
      </QueryView>
    </Panel>
  );
}

function Charts({ series }: { series: ProgramSeries }) {
  const { t, fmt } = useT();
  const labels = useMemo(() => series.points.map((p) => bucketLabel(p.start, series.bucket, fmt.locale)), [series, fmt.locale]);
  const line = (label: string, pick: (p: SeriesPoint) => number | null, color: string) => ({ label, data: series.points.map(pick), borderColor: color, backgroundColor: color, spanGaps: true, tension: 0.2 });
  const bar = (label: string, pick: (p: SeriesPoint) => number, color: string) => ({ label, data: series.points.map(pick), backgroundColor: color });
  const money = useMemo(() => ({ scales: { y: { beginAtZero: true, ticks: { callback: (v: number | string) => formatMoney(Number(v) * 100) } } } }), []);
  const counts = useMemo(() => ({ scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }), []);
  const nps = useMemo(() => ({ scales: { y: { min: -100, max: 100 } }, plugins: { legend: { display: false } } }), []);
  const table = (pick: (p: SeriesPoint) => string) => (
    <ul>
      {series.points.map((p, i) => (
        <li key={p.start}>{`${labels[i]}: ${pick(p)}`}</li>
      ))}
    </ul>
  );
  const charts = [
    {
      id: 'members', title: t('reports.members'), type: 'line' as const, options: counts,
      data: { labels, datasets: [line(t('reports.members'), (p) => p.members, COLORS[0]!), line(t('reports.activeMembers'), (p) => p.activeMembers, COLORS[1]!)] },
      fallback: table((p) => `${formatCount(p.members)} / ${formatCount(p.activeMembers)}`),
    },
    {
      id: 'sales', title: t('reports.sales'), type: 'bar' as const, options: money,
      data: { labels, datasets: [bar(t('reports.sales'), (p) => p.salesMinor / 100, COLORS[0]!)] },
      fallback: table((p) => formatMoney(p.salesMinor)),
    },
    {
      id: 'average', title: t('reports.averageReceipt'), type: 'line' as const, options: money,
      data: { labels, datasets: [line(t('reports.averageReceipt'), (p) => (p.averageReceiptMinor === null ? null : p.averageReceiptMinor / 100), COLORS[1]!)] },
      fallback: table((p) => formatMoney(p.averageReceiptMinor)),
    },
    {
      id: 'frequency', title: t('reports.frequency'), type: 'line' as const, options: counts,
      data: { labels, datasets: [line(t('reports.frequency'), (p) => p.frequency, COLORS[3]!)] },
      fallback: table((p) => (p.frequency === null ? '—' : String(p.frequency))),
    },
    {
      id: 'points', title: t('reports.points'), type: 'bar' as const, options: counts,
      data: { labels, datasets: [bar(t('reports.pointsIssued'), (p) => p.pointsIssued, COLORS[1]!), bar(t('reports.pointsRedeemed'), (p) => p.pointsRedeemed, COLORS[0]!), bar(t('reports.pointsExpired'), (p) => p.pointsExpired, COLORS[2]!)] },
      fallback: table((p) => `+${formatCount(p.pointsIssued)} −${formatCount(p.pointsRedeemed)} ⌛${formatCount(p.pointsExpired)}`),
    },
    {
      id: 'nps', title: t('reports.nps'), type: 'line' as const, options: nps,
      data: { labels, datasets: [line(t('reports.nps'), (p) => p.nps, COLORS[0]!)] },
      fallback: table((p) => (p.nps === null ? '—' : String(p.nps))),
    },
  ];
  return (
    <div class={style.chartGrid} data-testid="trends-charts" data-points={series.points.length}>
      {charts.map((c) => (
        <figure key={c.id} class={style.chart} data-testid={`chart-${c.id}`}>
          <figcaption>{c.title}</figcaption>
          <ChartView type={c.type} data={c.data as never} options={c.options as never} label={c.title} fallback={c.fallback} height="12rem" />
        </figure>
      ))}
    </div>
  );
}
