import { useState } from 'preact/hooks';
import { ROUTES } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { api } from '../../lib/api';
import { formatLocalDate, formatMoney } from '../../lib/format';
import { todayLocal } from '../../lib/forms';
import { useAction, useApi } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/** Issued cards (last 4 only), their balance and expiry, and block/unblock with a reason (audited). */
export function GiftCardsList() {
  const { t } = useT();
  const cards = useApi(ROUTES.giftCards.list);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const setStatus = useAction((id: string, status: 'active' | 'blocked') => api.call(ROUTES.giftCards.setStatus, { params: { id }, body: { status, reason: reason.trim() } }));

  async function change(id: string, status: 'active' | 'blocked') {
    if (!reason.trim()) return setProblem(t('giftCards.reasonProblem'));
    setProblem(null);
    if (await setStatus.run(id, status)) cards.reload();
  }

  const today = todayLocal();
  return (
    <Panel title={t('giftCards.listTitle')} flush>
      <label class={`field ${style.reason}`}>
        <span>{t('giftCards.blockReason')}</span>
        <input class="input" value={reason} maxLength={200} onInput={(e) => setReason(e.currentTarget.value)} data-testid="gift-card-reason" />
      </label>
      {problem && <p class={style.error} role="alert">{problem}</p>}
      {setStatus.error && <ErrorNotice error={setStatus.error} />}
      <QueryView query={cards} what={t('giftCards.what')}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('giftCards.noCards')} />
          ) : (
            <table class="table" data-testid="gift-cards-table">
              <thead>
                <tr>
                  <th scope="col">{t('giftCards.card')}</th>
                  <th scope="col">{t('giftCards.balance')}</th>
                  <th scope="col">{t('giftCards.expires')}</th>
                  <th scope="col">{t('giftCards.status')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {list.map((c) => {
                  const expired = c.expiresOn != null && c.expiresOn < today;
                  return (
                    <tr key={c.id} data-testid={`gift-card-${c.last4}`}>
                      <td>•••• {c.last4}</td>
                      <td class="num">{formatMoney(c.balanceMinor)}</td>
                      <td>{c.expiresOn ? formatLocalDate(c.expiresOn) : t('giftCards.never')}</td>
                      <td>
                        <StatusChip tone={c.status === 'active' && !expired ? 'ok' : 'warn'}>
                          {c.status !== 'active' ? t('giftCards.blocked') : expired ? t('giftCards.expired') : t('giftCards.active')}
                        </StatusChip>
                      </td>
                      <td>
                        <button type="button" class="btn btn-small" disabled={setStatus.pending} onClick={() => change(c.id, c.status === 'active' ? 'blocked' : 'active')} data-testid={`gift-card-toggle-${c.last4}`}>
                          {c.status === 'active' ? t('giftCards.block') : t('giftCards.unblock')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </Panel>
  );
}
