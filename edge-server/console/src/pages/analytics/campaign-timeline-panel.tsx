import { useMemo, useState } from 'preact/hooks';
import { ROUTES, type CampaignTimeline } from '@vitrina/contracts';
import { ChartView } from '../../components/chart';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { downloadFile } from '../../lib/download-file';
import { formatMoney } from '../../lib/format';
import { bucketLabel } from '../../lib/reports';
import { routeUrl } from '../../lib/route-url';
import { useAction, useApi } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/** One campaign over its window: revenue per customer of the treated arm against the holdout, week by week. */
export function CampaignTimelinePanel() {
  const { t } = useT();
  const campaigns = useApi(ROUTES.campaigns.list);
  const [chosen, setChosen] = useState<string>('');
  const id = chosen || campaigns.data?.[0]?.id || '';
  const timeline = useApi(ROUTES.reports.campaignTimeline, { params: { id }, query: { bucket: 'week' }, skip: !id });
  const download = useAction(() => downloadFile(routeUrl(ROUTES.reports.campaignTimelineCsv, { params: { id }, query: { bucket: 'week' } }), `vitrina-campaign-${id}.csv`));
  return (
    <Panel
      title={t('reports.campaignTimeline')}
      testId="campaign-timeline"
      actions={
        id && (
          <>
            <label class={style.inline}>
              <span>{t('reports.campaign')}</span>
              <select class="select" value={id} onChange={(e) => setChosen(e.currentTarget.value)} data-testid="timeline-campaign">
                {(campaigns.data ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" class="btn btn-small" disabled={download.pending} onClick={() => void download.run()} data-testid="timeline-export">
              {t('reports.downloadCsv')}
            </button>
          </>
        )
      }
    >
      {download.error && <ErrorNotice error={download.error} />}
      <QueryView query={campaigns} what={t('campaignResults.what')}>
        {(list) => (list.length === 0 ? <EmptyState title={t('campaignResults.emptyTitle')}>{t('campaignResults.emptyText')}</EmptyState> : (
          <QueryView query={timeline} what={t('reports.campaignTimeline')}>
            {(tl) => <TimelineChart timeline={tl} />}
          </QueryView>
        ))}
      </QueryView>
    </Panel>
  );
}

function TimelineChart({ timeline }: { timeline: CampaignTimeline }) {
  const { t, fmt } = useT();
  const data = useMemo(() => ({
    labels: timeline.points.map((p) => bucketLabel(p.start, timeline.bucket, fmt.locale)),
    datasets: [
      { label: t('reports.treatment'), data: timeline.points.map((p) => p.treatmentRevenuePerCustomerMinor / 100), borderColor: '#1f4e79', backgroundColor: '#1f4e79' },
      { label: t('reports.holdout'), data: timeline.points.map((p) => p.controlRevenuePerCustomerMinor / 100), borderColor: '#c0504d', backgroundColor: '#c0504d' },
    ],
  }), [timeline, t, fmt.locale]);
  const options = useMemo(() => ({ scales: { y: { beginAtZero: true, ticks: { callback: (v: number | string) => formatMoney(Number(v) * 100) } } } }), []);
  return (
    <ChartView
      type="line"
      data={data}
      options={options}
      label={t('reports.campaignTimeline')}
      height="14rem"
      fallback={<ul>{timeline.points.map((p) => <li key={p.start}>{`${p.start}: ${formatMoney(p.treatmentRevenuePerCustomerMinor)} / ${formatMoney(p.controlRevenuePerCustomerMinor)}`}</li>)}</ul>}
    />
  );
}
