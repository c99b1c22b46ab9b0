import { useMemo, useState } from 'preact/hooks';
import { ROUTES, type NpsReport } from '@vitrina/contracts';
import { ChartView } from '../../components/chart';
import { KpiCard, KpiGrid } from '../../components/kpi-card';
import { PageHeader } from '../../components/page-header';
import { PeriodSelect } from '../../components/period-select';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { formatSigned } from '../../lib/analytics';
import { formatCount, formatLocalDate, formatPercent } from '../../lib/format';
import { can } from '../../lib/roles';
import { routeTitle } from '../../lib/route-title';
import { useAction, useApi } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { useT } from '../../lib/use-t';
import { CommentsPanel } from './comments-panel';
import { downloadSurveyCsv } from './download';
import { BANDS, bandOf, bandShares } from './nps-view';
import { SettingsPanel } from './settings-panel';
import style from './style.module.css';

/**
 * The end-of-session survey: NPS with its weekly trend, the promoters / passives / detractors and
 * the score distribution, the comments (as typed, shown as text), the CSV of every answer, and
 * the survey's settings (admins edit them).
 */
export default function SurveyPage() {
  const { t } = useT();
  const { user } = useAuth();
  const [days, setDays] = useState<number>(90);
  const report = useApi(ROUTES.surveys.report, { query: { periodDays: days } });
  const settings = useApi(ROUTES.surveys.settings);
  const download = useAction(() => downloadSurveyCsv());

  return (
    <>
      <PageHeader
        title={routeTitle({ id: 'survey', title: 'Survey (NPS)' }, t)}
        description={t('survey.description')}
        actions={
          <>
            <PeriodSelect days={days} onChange={setDays} testId="survey-period" />
            <button type="button" class="btn" disabled={download.pending} onClick={() => void download.run()} data-testid="survey-download">
              {download.pending ? t('survey.preparing') : t('survey.download')}
            </button>
          </>
        }
      />
      {download.error && <ErrorNotice error={download.error} />}
      <QueryView query={report} what={t('survey.what')}>
        {(r) => <Report report={r} />}
      </QueryView>
      <CommentsPanel reasons={settings.data?.reasons ?? []} />
      <SettingsPanel query={settings} editable={can(user?.role, 'survey.settings')} />
    </>
  );
}

function Report({ report: r }: { report: NpsReport }) {
  const { t, fmt } = useT();
  const shares = bandShares(r);
  const trend = useMemo(
    () => ({
      labels: r.trend.map((w) => formatLocalDate(w.to)),
      datasets: [{ label: t('survey.nps'), data: r.trend.map((w) => w.nps), borderColor: '#1f4e79', backgroundColor: 'rgba(31, 78, 121, 0.12)', fill: true, spanGaps: true, tension: 0.25 }],
    }),
    [r, t],
  );
  // Points drawn (a week with few answers is one dot), the axis always −100..100, padded so a dot at ±100 is whole.
  const trendOptions = useMemo(() => ({ scales: { y: { min: -100, max: 100 } }, elements: { point: { radius: 4 } }, layout: { padding: 8 }, plugins: { legend: { display: false } } }), []);
  const distribution = useMemo(
    () => ({
      labels: r.scores.map((_, score) => String(score)),
      datasets: [{ label: t('survey.answers'), data: r.scores, backgroundColor: r.scores.map((_, score) => BANDS.find((b) => b.name === bandOf(score))!.color) }],
    }),
    [r, t],
  );
  const distributionOptions = useMemo(() => ({ scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } }), []);

  return (
    <>
      <section aria-labelledby="nps-title" data-testid="survey-report">
        <h2 id="nps-title" class={style.h2}>
          {t('survey.scoreTitle')}
          <span class={style.periodNote}>
            {formatLocalDate(r.from)} – {formatLocalDate(r.to)}
          </span>
        </h2>
        <KpiGrid>
          <KpiCard name="survey-nps" label={t('survey.nps')} value={r.nps === null ? '—' : formatSigned(r.nps, fmt.locale)} hint={t('survey.npsHint')} />
          <KpiCard name="survey-answers" label={t('survey.answers')} value={formatCount(r.answers)} />
          <KpiCard name="survey-promoters" label={t('survey.promoters')} value={formatPercent(shares.promoters)} hint={t('survey.promotersHint', { n: formatCount(r.promoters) })} />
          <KpiCard name="survey-passives" label={t('survey.passives')} value={formatPercent(shares.passives)} hint={t('survey.passivesHint', { n: formatCount(r.passives) })} />
          <KpiCard name="survey-detractors" label={t('survey.detractors')} value={formatPercent(shares.detractors)} hint={t('survey.detractorsHint', { n: formatCount(r.detractors) })} />
          <KpiCard
            name="survey-average"
            label={t('survey.average')}
            value={r.averageScore === null ? '—' : new Intl.NumberFormat(fmt.locale, { maximumFractionDigits: 1 }).format(r.averageScore)}
          />
        </KpiGrid>
      </section>
      {r.answers === 0 ? (
        <Panel title={t('survey.trend')}>
          <EmptyState title={t('survey.emptyTitle')}>{t('survey.emptyText')}</EmptyState>
        </Panel>
      ) : (
        <div class={style.charts}>
          <Panel title={t('survey.trend')} testId="survey-trend">
            <ChartView
              type="line"
              data={trend}
              options={trendOptions}
              label={t('survey.trendLabel')}
              fallback={
                <ul>
                  {r.trend.map((w) => (
                    <li key={w.to}>{`${formatLocalDate(w.from)} – ${formatLocalDate(w.to)}: ${w.nps === null ? '—' : w.nps} (${w.answers})`}</li>
                  ))}
                </ul>
              }
            />
          </Panel>
          <Panel title={t('survey.distribution')} testId="survey-distribution">
            <ChartView
              type="bar"
              data={distribution}
              options={distributionOptions}
              label={t('survey.distributionLabel')}
              fallback={<p>{r.scores.map((n, score) => `${score}: ${n}`).join(', ')}</p>}
            />
            <ul class={style.legend}>
              {BANDS.map((b) => (
                <li key={b.name}>
                  <span class={style.swatch} style={{ background: b.color }} aria-hidden="true" />
                  {b.name === 'promoters' ? t('survey.promotersBand') : b.name === 'passives' ? t('survey.passivesBand') : t('survey.detractorsBand')}
                </li>
              ))}
            </ul>
          </Panel>
        </div>
      )}
    </>
  );
}
