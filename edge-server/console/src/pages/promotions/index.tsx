import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { ROUTES, type Promotion } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { ConfirmButton } from '../../components/confirm-button';
import { api } from '../../lib/api';
import { formatLocalDate } from '../../lib/format';
import { describeAudience, describeDiscount, describeTarget, describeUsage } from '../../lib/promotions';
import { describeWhen } from '../../lib/promotion-rules';
import { can } from '../../lib/roles';
import { useAction, useApi } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { CreatePromotionForm } from './create-promotion-form';
import { PromotionCodes } from './promotion-codes';
import style from './style.module.css';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';

const TONE = { live: 'ok', paused: 'warn', ended: 'neutral' } as const;

/** Promotions (discount rules applied at the till) and their promo codes. */
export default function PromotionsPage() {
  const { t } = useT();
  const { user } = useAuth();
  const editable = can(user?.role, 'campaigns.edit');
  const promotions = useApi(ROUTES.promotions.list);
  const [creating, setCreating] = useState(false);
  const [codesFor, setCodesFor] = useState<string | null>(null);
  const setStatus = useAction((id: string, status: Promotion['status']) => api.call(ROUTES.promotions.setStatus, { params: { id }, body: { status } }));

  async function changeStatus(id: string, status: Promotion['status']) {
    if (await setStatus.run(id, status)) promotions.reload();
  }

  return (
    <>
      <PageHeader
        title={routeTitle({ id: 'promotions', title: 'Promotions & codes' }, t)}
        description={t('promotions.description')}
        actions={
          editable &&
          !creating && (
            <button type="button" class="btn btn-primary" onClick={() => setCreating(true)} data-testid="new-promotion">
              {t('promotions.new')}
            </button>
          )
        }
      />
      {creating && (
        <CreatePromotionForm
          onCancel={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            promotions.reload();
          }}
        />
      )}
      {setStatus.error && <ErrorNotice error={setStatus.error} />}
      <Panel title={t('promotions.title')} flush>
        <QueryView query={promotions} what={t('promotions.what')}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t('promotions.empty')} />
            ) : (
              <table class="table" data-testid="promotions-table">
                <thead>
                  <tr>
                    <th scope="col">{t('promotions.promotion')}</th>
                    <th scope="col">{t('promotions.discount')}</th>
                    <th scope="col">{t('promotions.appliesTo')}</th>
                    <th scope="col">{t('promotions.who')}</th>
                    <th scope="col">{t('promotions.period')}</th>
                    <th scope="col">{t('promotions.status')}</th>
                    <th scope="col">{t('promotions.usage')}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t('promotions.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((p) => (
                    <Fragment key={p.id}>
                      <tr data-testid="promotion-row" data-promotion-id={p.id} data-status={p.status}>
                        <td>
                          <div class={style.name}>{p.definition.name}</div>
                          <code class={style.id}>{p.id}</code>
                          {p.definition.stacking !== 'exclusive' && <span class={style.tag}>{p.definition.stacking === 'best_of' ? t('promotionRules.bestOfTag') : t('promotions.stackableTag')}</span>}
                        </td>
                        <td>{describeDiscount(p.definition.discount, p.definition.rule)}{describeWhen(p.definition.conditions) && <div class="muted">{describeWhen(p.definition.conditions)}</div>}</td>
                        <td>{describeTarget(p.definition.target)}</td>
                        <td>{describeAudience(p.definition.audience)}</td>
                        <td class={style.nowrap}>
                          {formatLocalDate(p.definition.conditions.startsOn)} –<br />
                          {formatLocalDate(p.definition.conditions.endsOn)}
                        </td>
                        <td>
                          <StatusChip tone={TONE[p.status]}>{t(`statuses.${p.status}`, { defaultValue: p.status })}</StatusChip>
                        </td>
                        <td class="muted">{describeUsage(p)}</td>
                        <td class={style.actions}>
                          <button type="button" class="btn btn-small" aria-expanded={codesFor === p.id} onClick={() => setCodesFor(codesFor === p.id ? null : p.id)} data-testid="promotion-codes">
                            {t('promotions.codes')}
                          </button>
                          {editable && p.status === 'live' && (
                            <button type="button" class="btn btn-small" disabled={setStatus.pending} onClick={() => void changeStatus(p.id, 'paused')} data-testid="promotion-pause">
                              {t('campaigns.pause')}
                            </button>
                          )}
                          {editable && p.status === 'paused' && (
                            <button type="button" class="btn btn-small" disabled={setStatus.pending} onClick={() => void changeStatus(p.id, 'live')} data-testid="promotion-resume">
                              {t('campaigns.resume')}
                            </button>
                          )}
                          {editable && p.status !== 'ended' && (
                            <ConfirmButton
                              label={t('campaigns.end')}
                              confirmLabel={t('campaigns.endConfirm')}
                              ariaLabel={t('campaigns.endLabel', { name: p.definition.name })}
                              disabled={setStatus.pending}
                              onConfirm={() => void changeStatus(p.id, 'ended')}
                              testId="promotion-end"
                              confirmTestId="promotion-end-confirm"
                            />
                          )}
                        </td>
                      </tr>
                      {codesFor === p.id && (
                        <tr>
                          <td colSpan={8} class={style.codesCell}>
                            <PromotionCodes promotionId={p.id} editable={editable} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
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
