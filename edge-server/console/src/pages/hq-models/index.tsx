import type { ChainModelGate, ChainModelState, MethodMetrics } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { formatDateTime } from '../../lib/format';
import { can } from '../../lib/roles';
import type { Tone } from '../../lib/tone';
import { useAuth } from '../../lib/use-auth';
import { useHqModels } from '../../lib/use-hq-models';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

const GATE_TONE: Record<string, Tone> = { promoted: 'ok', 'kept-incumbent': 'neutral', baseline: 'neutral', 'insufficient-history': 'warn', failed: 'warn' };

/**
 * The chain model: train the ranker on every store's receipts (admins), see each run's decision
 * with its metrics and 95% intervals, and — once a promoted model is published — each store's own
 * gate outcome, as the stores reported it back.
 */
export default function HqModelsPage() {
  const { t } = useT();
  const { user } = useAuth();
  const canTrain = can(user?.role, 'models.train');
  const { model, gates, stores, train } = useHqModels(canTrain);
  const training = model.data?.training ?? false;

  return (
    <>
      <PageHeader
        title={t('nav.hq-models')}
        description={t('hqModels.description')}
        actions={canTrain ? (
          <button type="button" class="btn btn-primary" disabled={train.pending || training} onClick={() => void train.run()} data-testid="hq-models-train">
            {training ? t('chain.training') : t('chain.train')}
          </button>
        ) : undefined}
      />
      {train.error && <ErrorNotice error={train.error} />}
      <Panel title={t('hqModels.runs')} testId="hq-models-runs">
        <QueryView query={model} what={t('hqModels.runs')}>
          {(m) => m.decisions.length === 0 ? <EmptyState title={t('chain.noRuns')} /> : (
            <div class={style.runs}>{m.decisions.map((d) => <Run key={d.at} d={d} />)}</div>
          )}
        </QueryView>
      </Panel>
      <Panel title={t('hqModels.gates')} testId="hq-models-gates">
        <QueryView query={gates} what={t('hqModels.gates')}>
          {(list) => list.length === 0 ? <EmptyState title={t('hqModels.noGates')} /> : <GatesTable gates={list} storeNames={new Map((stores.data?.stores ?? []).map((s) => [s.id, s.name]))} />}
        </QueryView>
      </Panel>
    </>
  );
}

function Run({ d }: { d: ChainModelState['decisions'][number] }) {
  const { t } = useT();
  return (
    <article class={style.run} data-testid="hq-models-run">
      <header>
        <StatusChip tone={d.published ? 'ok' : 'neutral'}>{d.outcome}</StatusChip> {formatDateTime(d.at)} · {t('chain.runSize', { stores: d.stores, customers: d.customers })}
        {d.modelId && <> · <span class="muted">{d.modelId}</span></>}
        {d.published && <> · {t('hqModels.published')}</>}
      </header>
      <p class="muted">{d.reason}</p>
      {d.methods.length > 0 && <Methods methods={d.methods} />}
    </article>
  );
}

const fmt = (x: number) => x.toFixed(3);
/** The mean with its 95% interval's half-width. */
const ci = (m: MethodMetrics['ndcg10']) => `${fmt(m.mean)} ± ${fmt(m.hi - m.mean)}`;

function Methods({ methods }: { methods: MethodMetrics[] }) {
  const { t } = useT();
  return (
    <table class="table" data-testid="hq-models-methods">
      <thead>
        <tr>
          <th>{t('recommendations.method')}</th>
          <th>NDCG@10</th>
          <th>Recall@10</th>
          <th>PHR@10</th>
          <th>{t('recommendations.gain')}</th>
        </tr>
      </thead>
      <tbody>
        {methods.map((m) => (
          <tr key={m.name} data-role={m.role}>
            <td>{m.name} {m.role !== 'baseline' && <span class="muted">({t(`recommendations.role.${m.role}`)})</span>}</td>
            <td>{ci(m.ndcg10)}</td>
            <td>{ci(m.recall10)}</td>
            <td>{ci(m.phr10)}</td>
            <td>{m.candidateGain ? `${m.candidateGain.diff >= 0 ? '+' : ''}${fmt(m.candidateGain.diff)} (${fmt(m.candidateGain.z)} SE)` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function GatesTable({ gates, storeNames }: { gates: ChainModelGate[]; storeNames: ReadonlyMap<string, string> }) {
  const { t } = useT();
  return (
    <table class="table" data-testid="hq-models-gates-table">
      <thead>
        <tr>
          <th>{t('chain.store')}</th>
          <th>{t('hqModels.model')}</th>
          <th>{t('hqModels.outcome')}</th>
          <th>{t('chain.reason')}</th>
          <th>{t('chain.when')}</th>
        </tr>
      </thead>
      <tbody>
        {gates.map((g) => (
          <tr key={`${g.storeId}-${g.modelId}-${g.at}`} data-testid={`hq-models-gate-${g.storeId}`}>
            <td>{storeNames.get(g.storeId) ?? g.storeId} <span class="muted">{g.storeId}</span></td>
            <td class="muted">{g.modelId}</td>
            <td><StatusChip tone={GATE_TONE[g.outcome] ?? 'neutral'}>{g.outcome}</StatusChip></td>
            <td>{g.reason}</td>
            <td>{formatDateTime(g.at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
