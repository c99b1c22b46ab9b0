import { ROUTES } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { formatCount, formatDateTime, formatLocalDate } from '../../lib/format';
import { useApi } from '../../lib/use-api';

/** The customer's points ledger (append-only), newest first as the server sends it. */
export function LedgerPanel({ customerId }: { customerId: string }) {
  const ledger = useApi(ROUTES.loyalty.ledger, { params: { customerId } });
  return (
    <Panel title="Points ledger" flush>
      <QueryView query={ledger} what="points ledgers">
        {(entries) =>
          entries.length === 0 ? (
            <EmptyState title="No ledger entries" />
          ) : (
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
                {entries.slice(0, 200).map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.at)}</td>
                    <td>{e.kind}</td>
                    <td class="num">{e.points > 0 ? `+${formatCount(e.points)}` : formatCount(e.points)}</td>
                    <td>{formatLocalDate(e.availableOn)}</td>
                    <td>{formatLocalDate(e.expiresOn)}</td>
                    <td>{e.receiptId ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </Panel>
  );
}
