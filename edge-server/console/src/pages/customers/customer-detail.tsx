import { useState } from 'preact/hooks';
import { ROUTES, type Consents, type CustomerProfile, type EraseResponse } from '@vitrina/contracts';
import { ConfirmButton } from '../../components/confirm-button';
import { Panel } from '../../components/panel';
import { ErrorNotice, QueryView } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { formatCount, formatDateTime, formatLocalDate, formatMoney } from '../../lib/format';
import { can } from '../../lib/roles';
import { useAction, useApi } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { LedgerPanel } from './ledger-panel';
import { AdjustPointsForm } from './adjust-points-form';
import { memberName } from './member-name';
import style from './style.module.css';

const CONSENTS: { key: keyof Consents; label: string; help: string }[] = [
  { key: 'program', label: 'Loyalty program', help: 'Collect and use points.' },
  { key: 'marketing', label: 'Marketing', help: 'Receive offers by message.' },
  { key: 'profiling', label: 'Personalization', help: 'Offers picked from purchase history.' },
];

/** One customer: profile, consents, points, and (admins) export and erasure. */
export function CustomerDetail({ customerId }: { customerId: string }) {
  const { user } = useAuth();
  const adminOnly = can(user?.role, 'customers.export-erase');
  const profile = useApi(ROUTES.customers.get, { params: { id: customerId } });
  const balance = useApi(ROUTES.loyalty.balance, { params: { customerId } });
  const consents = useAction((c: Consents) => api.call(ROUTES.customers.setConsents, { params: { id: customerId }, body: c }));
  const exportData = useAction(() => api.call(ROUTES.customers.export, { params: { id: customerId } }));
  const erase = useAction(() => api.call(ROUTES.customers.erase, { params: { id: customerId } }));
  const [erased, setErased] = useState<EraseResponse | null>(null);
  // Remounting the ledger refetches it after an adjustment.
  const [ledgerTick, setLedgerTick] = useState(0);

  async function toggle(p: CustomerProfile, key: keyof Consents, value: boolean) {
    if (await consents.run({ ...p.consents, [key]: value })) profile.reload();
  }

  async function onExport() {
    const data = await exportData.run();
    if (!data) return;
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `customer-${customerId}-export.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  async function onErase() {
    const r = await erase.run();
    if (r) {
      setErased(r);
      profile.reload();
      balance.reload();
    }
  }

  return (
    <QueryView query={profile} what="customer data requests">
      {(p) => (
        <>
          <Panel
            testId="customer-detail"
            title={
              <span class={style.title}>
                {p.erasedAt ? 'Erased member' : memberName(p)} <code>{p.id}</code>
                {p.erasedAt && <StatusChip tone="neutral">Erased {formatDateTime(p.erasedAt)}</StatusChip>}
              </span>
            }
          >
            <dl class={style.facts}>
              <div>
                <dt>Enrolled</dt>
                <dd>{formatDateTime(p.enrolledAt)}</dd>
              </div>
              <div>
                <dt>Birthday</dt>
                <dd>{p.birthDate ? formatLocalDate(p.birthDate) : '—'}</dd>
              </div>
              <div>
                <dt>Cards</dt>
                <dd data-testid="customer-cards">
                  {p.cards.filter((c) => c.kind !== 'phone').length === 0
                    ? 'none'
                    : p.cards
                        .filter((c) => c.kind !== 'phone')
                        .map((c) => `•••• ${c.last4}${c.virtual ? ' (virtual)' : ''}${c.status === 'active' ? '' : ` (${c.status})`}`)
                        .join(', ')}
                </dd>
              </div>
              <div>
                <dt>Phone</dt>
                <dd data-testid="customer-phone">{p.cards.filter((c) => c.kind === 'phone').map((c) => `•••• ${c.last4}`).join(', ') || '—'}</dd>
              </div>
              <div>
                <dt>E-mail</dt>
                <dd data-testid="customer-email">{p.emails?.join(', ') || '—'}</dd>
              </div>
              {balance.data && (
                <>
                  <div>
                    <dt>Points</dt>
                    <dd>{formatCount(balance.data.balance)}</dd>
                  </div>
                  <div>
                    <dt>Tier</dt>
                    <dd>
                      {balance.data.tier.name} · {formatMoney(balance.data.tier.windowSpendMinor)} spend
                    </dd>
                  </div>
                  <div>
                    <dt>Expiring in {balance.data.expiring.withinDays} d</dt>
                    <dd>{formatCount(balance.data.expiring.points)}</dd>
                  </div>
                </>
              )}

            </dl>
          </Panel>
          <Panel title="Consents" testId="customer-consents">
            {consents.error && <ErrorNotice error={consents.error} />}
            <ul class={style.consents}>
              {CONSENTS.map((c) => (
                <li key={c.key}>
                  <label>
                    <input
                      type="checkbox"
                      checked={p.consents[c.key]}
                      disabled={!!p.erasedAt || consents.pending}
                      onChange={(e) => void toggle(p, c.key, e.currentTarget.checked)}
                      data-testid={`consent-${c.key}`}
                    />
                    <span>
                      <strong>{c.label}</strong> <span class="muted">{c.help}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <p class="muted">Last changed {formatDateTime(p.consentsUpdatedAt)}. Without personalization consent the shopper still gets every program benefit.</p>
            {p.consentHistory && p.consentHistory.length > 0 && (
              <details data-testid="customer-consent-history">
                <summary>History ({p.consentHistory.length})</summary>
                <ul class={style.history}>
                  {[...p.consentHistory].reverse().map((r, i) => (
                    <li key={i}>
                      {formatDateTime(r.at)}: {CONSENTS.find((c) => c.key === r.consent)?.label ?? r.consent} {r.granted ? 'given' : 'withdrawn'} · text {r.textVersion} · via {r.source}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </Panel>
          {adminOnly && (
            <Panel title="Requests" testId="customer-requests">
              <div class={style.requests}>
                <div>
                  <h3>Export (right of access)</h3>
                  <p class="muted">Downloads everything stored about this customer as JSON, to hand over to them.</p>
                  <button type="button" class="btn" disabled={exportData.pending} onClick={() => void onExport()} data-testid="customer-export">
                    {exportData.pending ? 'Preparing…' : 'Download export'}
                  </button>
                  {exportData.error && <p class={style.error}>{describeError(exportData.error)}</p>}
                </div>
                <div>
                  <h3>Erasure (right to be forgotten)</h3>
                  <p class="muted">Removes name, contacts and cards. Receipts and points stay as anonymous records. This cannot be undone.</p>
                  {p.erasedAt ? (
                    <p class={style.ok} role="status" data-testid="customer-erased">
                      Erased on {formatDateTime(p.erasedAt)}{erased ? `; ${erased.cardsRemoved} card(s) removed` : ''}.
                    </p>
                  ) : (
                    <ConfirmButton label="Erase customer" confirmLabel="Erase permanently" onConfirm={() => void onErase()} disabled={erase.pending} testId="customer-erase-button" />
                  )}
                  {erase.error && <p class={style.error}>{describeError(erase.error)}</p>}
                </div>
              </div>
            </Panel>
          )}
          {adminOnly && !p.erasedAt && (
            <Panel title="Adjust points" testId="customer-adjust">
              <AdjustPointsForm
                customerId={customerId}
                onDone={() => {
                  balance.reload();
                  setLedgerTick((n) => n + 1);
                }}
              />
            </Panel>
          )}
          <LedgerPanel key={ledgerTick} customerId={customerId} />
        </>
      )}
    </QueryView>
  );
}
