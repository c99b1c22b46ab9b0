import { useState } from 'preact/hooks';
import { REWARD_KINDS, ROUTES, type CreateRewardRequest, type Reward, type RewardKind } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { formatCount, formatLocalDate } from '../../lib/format';
import { addDays, todayLocal } from '../../lib/forms';
import { can } from '../../lib/roles';
import { buildRewardRequest, type RewardForm } from '../../lib/rewards';
import { routeTitle } from '../../lib/route-title';
import { useAction, useApi } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/** The rewards catalogue: items members buy with points, their stock, limits and redemptions. */
export default function RewardsPage() {
  const { t } = useT();
  const { user } = useAuth();
  const editable = can(user?.role, 'campaigns.edit');
  const rewards = useApi(ROUTES.rewards.list);
  const setStatus = useAction((id: string, status: Reward['status']) => api.call(ROUTES.rewards.setStatus, { params: { id }, body: { status } }));
  return (
    <>
      <PageHeader title={routeTitle({ id: 'rewards', title: 'Rewards' }, t)} description={t('rewards.description')} />
      {editable && <CreateReward onCreated={() => rewards.reload()} />}
      {setStatus.error && <ErrorNotice error={setStatus.error} />}
      <Panel title={t('rewards.title')} flush>
        <QueryView query={rewards} what={t('rewards.what')}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t('rewards.empty')} />
            ) : (
              <table class="table" data-testid="rewards-table">
                <thead>
                  <tr>
                    <th scope="col">{t('rewards.name')}</th>
                    <th scope="col">{t('rewards.kind')}</th>
                    <th scope="col">{t('rewards.points')}</th>
                    <th scope="col">{t('rewards.stock')}</th>
                    <th scope="col">{t('rewards.period')}</th>
                    <th scope="col">{t('rewards.redeemed')}</th>
                    <th scope="col">{t('rewards.status')}</th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {list.map((r) => (
                    <tr key={r.id} data-testid={`reward-${r.id}`}>
                      <td>{r.name}</td>
                      <td>{t(`rewards.kinds.${r.kind}`)}</td>
                      <td class="num">{formatCount(r.pointsPrice)}</td>
                      <td class="num">{r.stock === null ? t('rewards.unlimited') : formatCount(r.stock)}</td>
                      <td>{formatLocalDate(r.startsOn)} – {formatLocalDate(r.endsOn)}</td>
                      <td class="num">{formatCount(r.redeemed)}</td>
                      <td>
                        <StatusChip tone={r.status === 'active' ? 'ok' : 'warn'}>{t(`rewards.${r.status}`)}</StatusChip>
                      </td>
                      <td>
                        {editable && (
                          <button type="button" class="btn btn-small" disabled={setStatus.pending}
                            onClick={async () => { if (await setStatus.run(r.id, r.status === 'active' ? 'paused' : 'active')) rewards.reload(); }}>
                            {r.status === 'active' ? t('rewards.pause') : t('rewards.resume')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryView>
      </Panel>
    </>
  );
}

function CreateReward({ onCreated }: { onCreated: () => void }) {
  const { t } = useT();
  const empty = (): RewardForm => ({ name: '', kind: 'voucher', points: '500', stock: '', limit: '', startsOn: todayLocal(), endsOn: addDays(todayLocal(), 90), productId: '', promotionId: '', validDays: '14' });
  const [f, setF] = useState<RewardForm>(empty);
  const [problems, setProblems] = useState<string[]>([]);
  const create = useAction((body: CreateRewardRequest) => api.call(ROUTES.rewards.create, { body }));
  const set = (k: keyof RewardForm) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const input = (k: keyof RewardForm, label: string, type = 'text') => (
    <label class="field">
      <span>{label}</span>
      <input class="input" type={type} value={f[k]} onInput={set(k)} data-testid={`reward-${k}`} />
    </label>
  );

  async function submit(e: Event) {
    e.preventDefault();
    const { request, problems: found } = buildRewardRequest(f);
    setProblems(found);
    if (request && (await create.run(request))) {
      setF(empty());
      onCreated();
    }
  }

  return (
    <Panel title={t('rewards.new')}>
      <form class={style.grid} onSubmit={submit} noValidate data-testid="create-reward-form">
        {input('name', t('rewards.name'))}
        <label class="field">
          <span>{t('rewards.kind')}</span>
          <select class="select" value={f.kind} onChange={(e) => setF({ ...f, kind: e.currentTarget.value as RewardKind })} data-testid="reward-kind">
            {REWARD_KINDS.map((k) => <option key={k} value={k}>{t(`rewards.kinds.${k}`)}</option>)}
          </select>
        </label>
        {input('points', t('rewards.points'))}
        {input('stock', t('rewards.stock'))}
        {input('limit', t('rewards.limit'))}
        {input('startsOn', t('rewards.startsOn'), 'date')}
        {input('endsOn', t('rewards.endsOn'), 'date')}
        {f.kind === 'product' && input('productId', t('rewards.product'))}
        {f.kind === 'voucher' && input('promotionId', t('rewards.promotion'))}
        {f.kind === 'voucher' && input('validDays', t('rewards.validDays'))}
        <div class={style.actions}>
          <button type="submit" class="btn btn-primary" disabled={create.pending} data-testid="reward-submit">
            {create.pending ? t('rewards.creating') : t('rewards.create')}
          </button>
        </div>
      </form>
      {problems.length > 0 && (
        <ul class={style.problems} role="alert">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
      {create.error && <p class={style.problems} role="alert">{describeError(create.error)}</p>}
    </Panel>
  );
}
