import { useState } from 'preact/hooks';
import { ROUTES } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { formatCount, formatDateTime, formatLocalDate } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

const PAGE = 25;

/** The member's points ledger (append-only), newest first, a page at a time. */
export function LedgerPanel({ customerId }: { customerId: string }) {
  const { t } = useT();
  const [offset, setOffset] = useState(0);
  const ledger = useApi(ROUTES.customers.ledger, { params: { id: customerId }, query: { offset, limit: PAGE } });
  return (
    <Panel title={t('customers.ledger.title')} flush testId="customer-ledger">
      <QueryView query={ledger} what={t('customers.ledger.what')}>
        {(page) =>
          page.total === 0 ? (
            <EmptyState title={t('customers.ledger.empty')} />
          ) : (
            <>
              <table class="table" data-testid="ledger-table">
                <thead>
                  <tr>
                    <th scope="col">{t('customers.ledger.when')}</th>
                    <th scope="col">{t('customers.ledger.kind')}</th>
                    <th scope="col" class="num">
                      {t('customers.ledger.points')}
                    </th>
                    <th scope="col">{t('customers.ledger.available')}</th>
                    <th scope="col">{t('customers.ledger.expires')}</th>
                    <th scope="col">{t('customers.ledger.receipt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.entries.map((e) => (
                    <tr key={e.id}>
                      <td>{formatDateTime(e.at)}</td>
                      <td>{e.idempotencyKey.startsWith('opening:') ? t('customers.ledger.opening') : t(`customers.ledger.kinds.${e.kind}`, { defaultValue: e.kind })}</td>
                      <td class="num">{e.points > 0 ? `+${formatCount(e.points)}` : formatCount(e.points)}</td>
                      <td>{formatLocalDate(e.availableOn)}</td>
                      <td>{formatLocalDate(e.expiresOn)}</td>
                      <td>{e.receiptId ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div class={style.pager} data-testid="ledger-pager">
                <button type="button" class="btn" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))} data-testid="ledger-newer">
                  {t('common.newer')}
                </button>
                <span class="muted">
                  {t('common.range', { from: formatCount(page.offset + 1), to: formatCount(page.offset + page.entries.length), total: formatCount(page.total) })}
                </span>
                <button type="button" class="btn" disabled={page.offset + page.entries.length >= page.total} onClick={() => setOffset(offset + PAGE)} data-testid="ledger-older">
                  {t('common.older')}
                </button>
              </div>
            </>
          )
        }
      </QueryView>
    </Panel>
  );
}
