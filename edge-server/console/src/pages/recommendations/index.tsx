import type { MethodMetrics, ModelDecision, RecommendationsState } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { StatusChip, type Tone } from '../../components/status-chip';
import { formatCount, formatDateTime, formatDateTimeSpan } from '../../lib/format';
import { routeTitle } from '../../lib/route-title';
import { can } from '../../lib/roles';
import { useAuth } from '../../lib/use-auth';
import { useRecommendations } from '../../lib/use-recommendations';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

const OUTCOME_TONE: Record<ModelDecision['outcome'], Tone> = { promoted: 'ok', 'kept-incumbent': 'info', baseline: 'neutral', 'insufficient-history': 'warn', failed: 'bad' };

/**
 * The store's ranker: what serves the kiosk and screens now (its own model or a baseline),
 * the training runs on its own receipts with every method's NDCG@10 ± 95% interval on the
 * held-out shoppers, why each decision went the way it did, and "Train now".
 */
export default function RecommendationsPage() {
  const { t } = useT();
  const { user } = useAuth();
  const { state, train } = useRecommendations();
  const running = state.data?.training.running ?? false;
  return (
    <>
      <PageHeader
        title={routeTitle({ id: 'recommendations', title: 'Recommendations' }, t)}
        description={t('recommendations.description')}
        actions={
          can(user?.role, 'models.train') && (
            <button type="button" class="btn btn-primary" disabled={running || train.pending} onClick={() => void train.run()} data-testid="train-now">
              {running ? t('recommendations.training') : t('recommendations.trainNow')}
            </button>
          )
        }
      />
      {train.error && <ErrorNotice error={train.error} />}
      <QueryView query={state} what={t('recommendations.what')}>
        {(s) => (
          <>
            <ServingPanel s={s} />
            <Panel title={t('recommendations.decisions')} flush>
              {s.decisions.length === 0 ? (
                <EmptyState title={t('recommendations.noDecisionsTitle')}>{t('recommendations.noDecisionsText')}</EmptyState>
              ) : (
                <div data-testid="decisions">
                  {s.decisions.map((d) => (
                    <DecisionRow key={d.id} d={d} />
                  ))}
                </div>
              )}
            </Panel>
          </>
        )}
      </QueryView>
    </>
  );
}

function ServingPanel({ s }: { s: RecommendationsState }) {
  const { t } = useT();
  const tone: Tone = s.serving.status === 'fallback' ? 'warn' : 'ok';
  return (
    <Panel title={t('recommendations.serving')} testId="serving">
      <dl class={style.facts}>
        <div>
          <dt>{t('recommendations.ranker')}</dt>
          <dd>
            <StatusChip tone={tone} testId="serving-status">{t(`recommendations.status.${s.serving.status}`)}</StatusChip> <code data-testid="serving-ranker">{s.serving.ranker ?? '—'}</code>
            {s.serving.reason && <p class={style.reason}>{s.serving.reason}</p>}
          </dd>
        </div>
        <div>
          <dt>{t('recommendations.trainingState')}</dt>
          <dd data-testid="training-state">
            {s.training.running
              ? t('recommendations.runningSince', { phase: s.training.phase ?? '', at: formatDateTime(s.training.startedAt) })
              : t('recommendations.idle')}
          </dd>
        </div>
        <div>
          <dt>{t('recommendations.nextRun')}</dt>
          <dd data-testid="next-run">{s.schedule.nextRunAt ? t('recommendations.nextRunAt', { at: formatDateTime(s.schedule.nextRunAt), hour: s.schedule.hour }) : t('recommendations.noSchedule')}</dd>
        </div>
        <div>
          <dt>{t('recommendations.minHistory')}</dt>
          <dd>{t('recommendations.minCustomers', { n: formatCount(s.schedule.minCustomers) })}</dd>
        </div>
      </dl>
    </Panel>
  );
}

function DecisionRow({ d }: { d: ModelDecision }) {
  const { t } = useT();
  const served = d.served.kind === 'model' ? d.served.version : d.served.name;
  return (
    <article class={style.decision} data-testid="decision" data-outcome={d.outcome}>
      <header class={style.decisionHead}>
        <StatusChip tone={OUTCOME_TONE[d.outcome]}>{t(`recommendations.outcome.${d.outcome}`)}</StatusChip>
        <span>{formatDateTime(d.finishedAt)}</span>
        <span class="muted">{t(`recommendations.trigger.${d.trigger}`)}</span>
        <span>
          {t('recommendations.serves')} <code>{served}</code>
        </span>
        {d.served.kind === 'model' && (
          <span data-testid="ranking-mode">
            {t('recommendations.mode', { mode: d.served.repeatFirst === undefined ? t('recommendations.modeModel') : t(d.served.repeatCap === undefined ? 'recommendations.modeRepeatFirst' : 'recommendations.modeRepeatFirstCapped', { c: d.served.repeatFirst, cap: d.served.repeatCap }) })}
          </span>
        )}
      </header>
      <p class={style.reason}>{d.reason}</p>
      <p class="muted">
        {t('recommendations.data', {
          customers: formatCount(d.customers),
          baskets: formatCount(d.baskets),
          ...formatDateTimeSpan(d.dataWindow.from, d.dataWindow.to),
        })}
        {d.split && ` · ${t('recommendations.split', { train: formatCount(d.split.train), test: formatCount(d.split.test), seed: d.split.seed })}`}
        {d.candidate && ` · ${t(d.candidate.bestEpoch === 0 ? 'recommendations.candidateAveraged' : 'recommendations.candidate', { kind: d.candidate.kind, epoch: d.candidate.bestEpoch, seconds: d.candidate.trainSeconds.toFixed(0), sha: d.candidate.sha256.slice(0, 12) })}`}
      </p>
      {d.methods.length > 0 && <MethodsTable methods={d.methods} />}
    </article>
  );
}

const fmt = (x: number) => x.toFixed(3);
const withCi = (m: MethodMetrics['ndcg10']) => `${fmt(m.mean)} ± ${fmt(m.hi - m.mean)}`;

function MethodsTable({ methods }: { methods: MethodMetrics[] }) {
  const { t } = useT();
  const best = Math.max(...methods.map((m) => m.ndcg10.mean));
  return (
    <table class={`table ${style.methods}`} data-testid="methods">
      <thead>
        <tr>
          <th scope="col">{t('recommendations.method')}</th>
          <th scope="col">NDCG@10</th>
          <th scope="col">Recall@10</th>
          <th scope="col">PHR@10</th>
          <th scope="col">{t('recommendations.gain')}</th>
        </tr>
      </thead>
      <tbody>
        {methods.map((m) => (
          <tr key={m.name} data-testid="method" data-role={m.role} class={m.ndcg10.mean === best ? style.best : undefined}>
            <td>
              {m.name} {m.role !== 'baseline' && <span class="muted">({t(`recommendations.role.${m.role}`)})</span>}
            </td>
            <td>{withCi(m.ndcg10)}</td>
            <td>{withCi(m.recall10)}</td>
            <td>{withCi(m.phr10)}</td>
            <td>{m.candidateGain ? `${m.candidateGain.diff >= 0 ? '+' : ''}${fmt(m.candidateGain.diff)} (${fmt(m.candidateGain.z)} SE)` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
