import { useMemo, useState } from 'preact/hooks';
import { ROUTES, type ProofOfPlayReport } from '@vitrina/contracts';
import { ChartView } from '../../components/chart';
import { KpiCard, KpiGrid } from '../../components/kpi-card';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { downloadFile } from '../../lib/download-file';
import { formatCount, formatLocalDate } from '../../lib/format';
import { routeTitle } from '../../lib/route-title';
import { routeUrl } from '../../lib/route-url';
import { useAction, useApi } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

const day = (d: Date) => d.toISOString().slice(0, 10);
const hours = (s: number) => (s / 3600).toFixed(s >= 36_000 ? 0 : 1);

/**
 * Proof of play: what the screens reported playing, by item, zone and day (plays, time on
 * screen), and takeovers shown against those the server sent; a chart per day and the CSV.
 */
export default function ProofOfPlayPage() {
  const { t } = useT();
  const [from, setFrom] = useState(day(new Date(Date.now() - 6 * 86_400_000)));
  const [to, setTo] = useState(day(new Date()));
  const [zoneId, setZoneId] = useState('');
  const zones = useApi(ROUTES.devices.zones);
  const query = { from, to, zoneId: zoneId || undefined };
  const report = useApi(ROUTES.proofOfPlay.report, { query });
  const download = useAction(() => downloadFile(routeUrl(ROUTES.proofOfPlay.exportCsv, { query }), `vitrina-proof-of-play-${from}-${to}.csv`));

  return (
    <>
      <PageHeader
        title={routeTitle({ id: 'proof-of-play', title: 'Proof of play' }, t)}
        description={t('proofOfPlay.description')}
        actions={
          <div class={style.filters}>
            <label>
              {t('proofOfPlay.from')}
              <input class="input" type="date" value={from} max={to} onInput={(e) => e.currentTarget.value && setFrom(e.currentTarget.value)} data-testid="pop-from" />
            </label>
            <label>
              {t('proofOfPlay.to')}
              <input class="input" type="date" value={to} min={from} onInput={(e) => e.currentTarget.value && setTo(e.currentTarget.value)} data-testid="pop-to" />
            </label>
            <label>
              {t('proofOfPlay.zone')}
              <select class="select" value={zoneId} onChange={(e) => setZoneId(e.currentTarget.value)} data-testid="pop-zone">
                <option value="">{t('proofOfPlay.allZones')}</option>
                {(zones.data ?? []).map((z) => (
                  <option key={z.id} value={z.id}>
                    {z.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" class="btn" disabled={download.pending} onClick={() => void download.run()} data-testid="pop-download">
              {t('proofOfPlay.download')}
            </button>
          </div>
        }
      />
      {download.error && <ErrorNotice error={download.error} />}
      <QueryView query={report} what={t('proofOfPlay.what')}>
        {(r) => (r.totals.plays === 0 && r.totals.takeoversSent === 0 ? <EmptyState title={t('proofOfPlay.empty')} /> : <Report report={r} />)}
      </QueryView>
    </>
  );
}

function Report({ report: r }: { report: ProofOfPlayReport }) {
  const { t } = useT();
  const chart = useMemo(
    () => ({
      labels: r.days.map((d) => formatLocalDate(d.day)),
      datasets: [
        { label: t('proofOfPlay.plays'), data: r.days.map((d) => d.plays), backgroundColor: '#1f4e79' },
        { label: t('proofOfPlay.takeoversShown'), data: r.days.map((d) => d.takeoversShown), backgroundColor: '#e39b2d' },
      ],
    }),
    [r, t],
  );
  return (
    <>
      <KpiGrid>
        <KpiCard label={t('proofOfPlay.plays')} value={formatCount(r.totals.plays)} name="pop-plays" />
        <KpiCard label={t('proofOfPlay.hoursOnScreen')} value={hours(r.totals.seconds)} name="pop-hours" />
        <KpiCard label={t('proofOfPlay.takeovers')} value={`${formatCount(r.totals.takeoversShown)} / ${formatCount(r.totals.takeoversSent)}`} hint={t('proofOfPlay.shownOfSent')} name="pop-takeovers" />
      </KpiGrid>
      <Panel title={t('proofOfPlay.byDay')}>
        <ChartView type="bar" data={chart} label={t('proofOfPlay.chartLabel')} testId="pop-chart" />
      </Panel>
      <Panel title={t('proofOfPlay.byItem')} flush>
        <table class="table" data-testid="pop-items">
          <thead>
            <tr>
              <th scope="col">{t('proofOfPlay.item')}</th>
              <th scope="col">{t('proofOfPlay.kind')}</th>
              <th scope="col" class="num">{t('proofOfPlay.plays')}</th>
              <th scope="col" class="num">{t('proofOfPlay.seconds')}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((i) => (
              <tr key={`${i.itemId}-${i.itemKind}`} data-testid="pop-item-row" data-item-id={i.itemId}>
                <td>{i.itemName || i.itemId}</td>
                <td>{i.itemKind}</td>
                <td class="num">{formatCount(i.plays)}</td>
                <td class="num">{formatCount(Math.round(i.seconds))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <Panel title={t('proofOfPlay.byZone')} flush>
        <Totals rows={r.zones.map((z) => ({ key: z.zoneId, label: z.zoneId, ...z }))} testId="pop-zones" />
      </Panel>
      <Panel title={t('proofOfPlay.byDay')} flush>
        <Totals rows={r.days.map((d) => ({ key: d.day, label: formatLocalDate(d.day), ...d }))} testId="pop-days" />
      </Panel>
    </>
  );
}

function Totals({ rows, testId }: { rows: Array<{ key: string; label: string; plays: number; seconds: number; takeoversSent: number; takeoversShown: number }>; testId: string }) {
  const { t } = useT();
  return (
    <table class="table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col" class="num">{t('proofOfPlay.plays')}</th>
          <th scope="col" class="num">{t('proofOfPlay.seconds')}</th>
          <th scope="col" class="num">{t('proofOfPlay.takeoversSent')}</th>
          <th scope="col" class="num">{t('proofOfPlay.takeoversShown')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.label}</td>
            <td class="num">{formatCount(r.plays)}</td>
            <td class="num">{formatCount(Math.round(r.seconds))}</td>
            <td class="num">{formatCount(r.takeoversSent)}</td>
            <td class="num">{formatCount(r.takeoversShown)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
