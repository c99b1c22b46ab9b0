import { useState } from 'preact/hooks';
import { ROUTES } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { formatCount, formatDateTime, formatLocalDate } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import style from './style.module.css';

const PAGE = 25;

/** The member's points ledger (append-only), newest first, a page at a time. */
export function LedgerPanel({ customerId }: { customerId: string }) {
  const [offset, setOffset] = useState(0);
  const ledger = useApi(ROUTES.customers.ledger, { params: { id: customerId }, query: { offset, limit: PAGE } });
  return (
    <Panel title="Points ledger" flush testId="customer-ledger">
      <QueryView query={ledger} what="points ledgers">
        {(page) =>
          page.total === 0 ? (
            <EmptyState title="No ledger entries" />
          ) : (
            <>
              <table class="table" data-testid="ledger-table">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Kind</th>
                    <th scope="col" class="num">
                      Points
                    </th>
                    <th scope="col">Available</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Receipt</th>
                  </tr>
                </thead>
                <tbody>
                  {page.entries.map((e) => (
                    <tr key={e.id}>
                      <td>{formatDateTime(e.at)}</td>
                      <td>{e.idempotencyKey.startsWith('opening:') ? 'opening balance' : e.kind}</td>
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
                  ← Newer
                </button>
                <span class="muted">
                  {formatCount(page.offset + 1)}–{formatCount(page.offset + page.entries.length)} of {formatCount(page.total)}
                </span>
                <button type="button" class="btn" disabled={page.offset + page.entries.length >= page.total} onClick={() => setOffset(offset + PAGE)} data-testid="ledger-older">
                  Older →
                </button>
              </div>
            </>
          )
        }
      </QueryView>
    </Panel>
  );
}
