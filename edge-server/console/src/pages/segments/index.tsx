import { useMemo, useState } from 'preact/hooks';
import { ROUTES, type LiveSegmentView, type SegmentPreview, type SegmentRule, type SegmentSizeHistory } from '@vitrina/contracts';
import { ChartView } from '../../components/chart';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { downloadFile } from '../../lib/download-file';
import { formatCount, formatDateTime } from '../../lib/format';
import { bucketLabel, lastDays } from '../../lib/reports';
import { routeTitle } from '../../lib/route-title';
import { routeUrl } from '../../lib/route-url';
import { defaultRule } from '../../lib/segment-rules';
import { useAction, useApi, type Query } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import { RuleEditor } from './rule-editor';
import style from './style.module.css';

const COLORS = ['#1f4e79', '#c0504d', '#9bbb59', '#8064a2', '#f79646', '#4bacc6'];

/**
 * Live segments: rule-based audiences evaluated nightly and on demand. Each becomes the
 * promotions segment of the same name (an audience for promotions and campaigns); the chart
 * shows their sizes day by day.
 */
export default function SegmentsPage() {
  const { t } = useT();
  const { fmt } = useT();
  const list = useApi(ROUTES.liveSegments.list);
  const period = useMemo(() => lastDays(90, fmt.timeZone), [fmt.timeZone]);
  const sizes = useApi(ROUTES.liveSegments.sizes, { query: period });
  // An evaluation changes both the list (size, time) and the size history.
  const changed = () => {
    list.reload();
    sizes.reload();
  };
  return (
    <>
      <PageHeader title={routeTitle({ id: 'segments', title: 'Segments' }, t)} description={t('segments.description')} />
      <SegmentForm onSaved={changed} />
      <Panel title={t('segments.listTitle')} testId="segments-list" flush>
        <QueryView query={list} what={t('segments.what')}>
          {(rows) => (rows.length === 0 ? <EmptyState title={t('segments.emptyTitle')}>{t('segments.emptyText')}</EmptyState> : <SegmentTable rows={rows} onChange={changed} />)}
        </QueryView>
      </Panel>
      <SizesPanel sizes={sizes} />
    </>
  );
}

function SegmentForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [rules, setRules] = useState<SegmentRule[]>([defaultRule('rfm')]);
  const [preview, setPreview] = useState<SegmentPreview | null>(null);
  const previewAction = useAction(async () => setPreview(await api.call(ROUTES.liveSegments.preview, { body: { rules } })));
  const save = useAction(async () => {
    await api.call(ROUTES.liveSegments.save, { params: { name }, body: { title, rules } });
    await api.call(ROUTES.liveSegments.evaluate, { params: { name } });
    onSaved();
  });
  const setRule = (i: number, r: SegmentRule) => { setRules(rules.map((x, j) => (j === i ? r : x))); setPreview(null); };
  return (
    <Panel title={t('segments.defineTitle')} testId="segment-form">
      <form
        class={style.form}
        onSubmit={(e) => {
          e.preventDefault();
          void save.run();
        }}
      >
        <div class={style.row}>
          <label class="field">
            <span>{t('segments.name')}</span>
            <input class="input" required pattern="[A-Za-z0-9_.:\-]+" maxLength={64} value={name} onInput={(e) => setName(e.currentTarget.value)} data-testid="segment-name" />
          </label>
          <label class="field">
            <span>{t('segments.title')}</span>
            <input class="input" required maxLength={120} value={title} onInput={(e) => setTitle(e.currentTarget.value)} data-testid="segment-title" />
          </label>
        </div>
        <p class={style.hint}>{t('segments.rulesHint')}</p>
        {rules.map((r, i) => (
          <RuleEditor key={i} rule={r} index={i} onChange={(x) => setRule(i, x)} onRemove={() => { setRules(rules.filter((_, j) => j !== i)); setPreview(null); }} />
        ))}
        <div class={style.row}>
          <button type="button" class="btn btn-small" disabled={rules.length >= 12} onClick={() => setRules([...rules, defaultRule('spend')])} data-testid="segment-add-rule">
            {t('segments.addRule')}
          </button>
          <button type="button" class="btn" disabled={previewAction.pending || rules.length === 0} onClick={() => void previewAction.run()} data-testid="segment-preview">
            {t('segments.preview')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={save.pending || rules.length === 0} data-testid="segment-save">
            {t('segments.saveEvaluate')}
          </button>
        </div>
        {preview && (
          <p role="status" data-testid="segment-preview-result">
            {t('segments.previewResult', { count: preview.size, n: formatCount(preview.size) })}
          </p>
        )}
        {previewAction.error && <ErrorNotice error={previewAction.error} />}
        {save.error && <ErrorNotice error={save.error} />}
      </form>
    </Panel>
  );
}

function SegmentTable({ rows, onChange }: { rows: LiveSegmentView[]; onChange: () => void }) {
  const { t } = useT();
  const evaluate = useAction(async (name: string) => { await api.call(ROUTES.liveSegments.evaluate, { params: { name } }); onChange(); });
  const remove = useAction(async (name: string) => { await api.call(ROUTES.liveSegments.remove, { params: { name } }); onChange(); });
  const download = useAction((name: string) => downloadFile(routeUrl(ROUTES.reports.segmentMembersCsv, { params: { segment: name } }), `vitrina-segment-${name}.csv`));
  const kinds = (r: LiveSegmentView) => r.rules.map((x) => t(`segments.kinds.${x.kind}`, { defaultValue: x.kind })).join(' + ');
  return (
    <>
      {[evaluate.error, remove.error, download.error].map((e, i) => e && <ErrorNotice key={i} error={e} />)}
      <table class="table" data-testid="segments-table">
        <thead>
          <tr>
            <th scope="col">{t('segments.title')}</th>
            <th scope="col">{t('segments.rules')}</th>
            <th scope="col" class="num">{t('segments.size')}</th>
            <th scope="col">{t('segments.evaluatedAt')}</th>
            <th scope="col"><span class="visually-hidden">{t('segments.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} data-testid="segment-row" data-name={r.name}>
              <td>
                <div>{r.title}</div>
                <div class="mono muted">{r.name}</div>
              </td>
              <td>{kinds(r)}</td>
              <td class="num" data-testid="segment-size">{r.size === null ? '—' : formatCount(r.size)}</td>
              <td>{r.evaluatedAt ? formatDateTime(r.evaluatedAt) : t('segments.never')}</td>
              <td class={style.actions}>
                <button type="button" class="btn btn-small" disabled={evaluate.pending} onClick={() => void evaluate.run(r.name)}>{t('segments.evaluate')}</button>
                <button type="button" class="btn btn-small" disabled={download.pending} onClick={() => void download.run(r.name)}>{t('segments.exportMembers')}</button>
                <button type="button" class="btn btn-small btn-danger" disabled={remove.pending} onClick={() => void remove.run(r.name)}>{t('segments.remove')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function SizesPanel({ sizes }: { sizes: Query<SegmentSizeHistory> }) {
  const { t, fmt } = useT();
  const data = useMemo(() => {
    const rows = sizes.data?.rows ?? [];
    const days = [...new Set(rows.map((r) => r.day))].sort();
    const names = [...new Set(rows.map((r) => r.name))].sort();
    return {
      labels: days.map((d) => bucketLabel(d, 'day', fmt.locale)),
      datasets: names.map((n, i) => ({
        label: n, borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length], spanGaps: true,
        data: days.map((d) => rows.find((r) => r.name === n && r.day === d)?.size ?? null),
      })),
    };
  }, [sizes.data, fmt.locale]);
  const options = useMemo(() => ({ scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, elements: { point: { radius: 3 } } }), []);
  return (
    <Panel title={t('segments.sizesTitle')} testId="segment-sizes">
      <QueryView query={sizes} what={t('segments.what')}>
        {(s) => (s.rows.length === 0 ? <EmptyState title={t('segments.noSizes')}>{t('segments.noSizesText')}</EmptyState> : (
          <ChartView type="line" data={data} options={options} label={t('segments.sizesTitle')} height="14rem"
            fallback={<ul>{s.rows.map((r) => <li key={`${r.name}${r.day}`}>{`${r.name} ${r.day}: ${r.size}`}</li>)}</ul>} />
        ))}
      </QueryView>
    </Panel>
  );
}
