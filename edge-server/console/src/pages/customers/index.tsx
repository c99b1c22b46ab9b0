import { useState } from 'preact/hooks';
import { ROUTES, type MemberSearchHit } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';
import { CustomerDetail } from './customer-detail';
import { memberName } from './member-name';
import style from './style.module.css';

/** Internal member ids (`cust_…`, or the demo's `cust_demo_…`) open the member page directly. */
const INTERNAL_ID = /^cust[_-][\w-]{1,60}$/;

/**
 * Members: find one by card number, phone or e-mail (exact: the store keeps only HMACs, so it
 * recognizes a number it is given and can never list numbers) or by the start of a name, then
 * open the member page (profile, cards, points, ledger, consents, data requests).
 */
export default function CustomersPage() {
  const { t } = useT();
  const [input, setInput] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [term, setTerm] = useState<string | null>(null);
  const [memberId, setMemberId] = useState<string | null>(() => new URLSearchParams(location.search).get('id'));

  function submit(e: Event) {
    e.preventDefault();
    const q = input.trim();
    if (!q) return;
    if (INTERNAL_ID.test(q)) {
      setTerm(null);
      setMemberId(q);
      return;
    }
    setMemberId(null);
    setTerm(q);
  }

  return (
    <>
      <PageHeader
        title={routeTitle({ id: 'customers', title: 'Members' }, t)}
        description={t('customers.description')}
      />
      <Panel>
        <form class={style.form} noValidate data-testid="customer-lookup-form" onSubmit={submit} role="search">
          <label class="field">
            <span>{t('customers.searchLabel')}</span>
            <input
              class="input"
              type="search"
              value={input}
              onInput={(e) => setInput(e.currentTarget.value)}
              data-testid="customer-search"
              autoComplete="off"
              maxLength={128}
              placeholder={t('customers.searchPlaceholder')}
            />
          </label>
          <button type="submit" class="btn btn-primary" disabled={!input.trim()} data-testid="customer-open">
            {t('customers.search')}
          </button>
        </form>
      </Panel>
      {term && !memberId && <SearchResults key={term} term={term} onOpen={setMemberId} />}
      {memberId && (
        <>
          {term && (
            <p>
              <button type="button" class="btn btn-ghost" onClick={() => setMemberId(null)} data-testid="customer-back">
                {t('customers.back')}
              </button>
            </p>
          )}
          <CustomerDetail key={memberId} customerId={memberId} />
        </>
      )}
    </>
  );
}

function SearchResults({ term, onOpen }: { term: string; onOpen: (id: string) => void }) {
  const { t } = useT();
  const results = useApi(ROUTES.customers.search, { query: { q: term, limit: 50 } });
  return (
    <Panel title={t('customers.results')} flush testId="customer-results">
      <QueryView query={results} what={t('customers.whatSearch')}>
        {(r) =>
          r.members.length === 0 ? (
            <EmptyState title={t('customers.noneTitle')} testId="customer-no-results">
              {r.matchedBy === 'identifier' ? t('customers.noneIdentifier') : t('customers.noneName')}
            </EmptyState>
          ) : (
            <table class="table" data-testid="customer-results-table">
              <thead>
                <tr>
                  <th scope="col">{t('customers.name')}</th>
                  <th scope="col">{t('customers.cardsAndPhone')}</th>
                  <th scope="col">{t('customers.memberSince')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {r.members.map((m) => (
                  <ResultRow key={m.id} m={m} onOpen={onOpen} />
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </Panel>
  );
}

function ResultRow({ m, onOpen }: { m: MemberSearchHit; onOpen: (id: string) => void }) {
  const { t } = useT();
  return (
    <tr>
      <td>{memberName(m)}</td>
      <td>{m.cards.map((c) => `${c.kind === 'phone' ? t('customers.phoneShort') : t('customers.cardShort')} •••• ${c.last4}`).join(', ') || '—'}</td>
      <td>{formatDateTime(m.enrolledAt)}</td>
      <td class="num">
        <button type="button" class="btn" onClick={() => onOpen(m.id)} data-testid={`customer-result-${m.id}`}>
          {t('customers.open')}
        </button>
      </td>
    </tr>
  );
}
