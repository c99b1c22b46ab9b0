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
import { useT } from '../../lib/use-t';
import type { TFunction } from 'i18next';
import { LedgerPanel } from './ledger-panel';
import { AdjustPointsForm } from './adjust-points-form';
import { memberName } from './member-name';
import style from './style.module.css';

const consentWords = (t: TFunction): { key: keyof Consents; label: string; help: string }[] => [
  { key: 'program', label: t('customers.consents.program'), help: t('customers.consents.programHelp') },
  { key: 'marketing', label: t('customers.consents.marketing'), help: t('customers.consents.marketingHelp') },
  { key: 'profiling', label: t('customers.consents.profiling'), help: t('customers.consents.profilingHelp') },
];

/** One customer: profile, consents, points, and (admins) export and erasure. */
export function CustomerDetail({ customerId }: { customerId: string }) {
  const { t } = useT();
  const CONSENTS = consentWords(t);
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
    <QueryView query={profile} what={t('customers.whatDetail')}>
      {(p) => (
        <>
          <Panel
            testId="customer-detail"
            title={
              <span class={style.title}>
                {p.erasedAt ? t('customers.erasedMember') : memberName(p)} <code>{p.id}</code>
                {p.erasedAt && <StatusChip tone="neutral">{t('customers.erasedAt', { at: formatDateTime(p.erasedAt) })}</StatusChip>}
              </span>
            }
          >
            <dl class={style.facts}>
              <div>
                <dt>{t('customers.enrolled')}</dt>
                <dd>{formatDateTime(p.enrolledAt)}</dd>
              </div>
              <div>
                <dt>{t('customers.birthday')}</dt>
                <dd>{p.birthDate ? formatLocalDate(p.birthDate) : '—'}</dd>
              </div>
              <div>
                <dt>{t('customers.cards')}</dt>
                <dd data-testid="customer-cards">
                  {p.cards.filter((c) => c.kind !== 'phone').length === 0
                    ? t('customers.noCards')
                    : p.cards
                        .filter((c) => c.kind !== 'phone')
                        .map((c) => `•••• ${c.last4}${c.virtual ? ` (${t('customers.virtual')})` : ''}${c.status === 'active' ? '' : ` (${t(`customers.cardStatus.${c.status}`, { defaultValue: c.status })})`}`)
                        .join(', ')}
                </dd>
              </div>
              <div>
                <dt>{t('customers.phone')}</dt>
                <dd data-testid="customer-phone">{p.cards.filter((c) => c.kind === 'phone').map((c) => `•••• ${c.last4}`).join(', ') || '—'}</dd>
              </div>
              <div>
                <dt>{t('customers.email')}</dt>
                <dd data-testid="customer-email">{p.emails?.join(', ') || '—'}</dd>
              </div>
              {balance.data && (
                <>
                  <div>
                    <dt>{t('customers.points')}</dt>
                    <dd>{formatCount(balance.data.balance)}</dd>
                  </div>
                  <div>
                    <dt>{t('customers.tier')}</dt>
                    <dd>
                      {t('customers.tierSpend', { tier: balance.data.tier.name, spend: formatMoney(balance.data.tier.windowSpendMinor) })}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('customers.expiring', { count: balance.data.expiring.withinDays, n: formatCount(balance.data.expiring.withinDays) })}</dt>
                    <dd>{formatCount(balance.data.expiring.points)}</dd>
                  </div>
                </>
              )}

            </dl>
          </Panel>
          <Panel title={t('customers.consents.title')} testId="customer-consents">
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
            <p class="muted">{t('customers.consents.lastChanged', { at: formatDateTime(p.consentsUpdatedAt) })}</p>
            {p.consentHistory && p.consentHistory.length > 0 && (
              <details data-testid="customer-consent-history">
                <summary>{t('customers.consents.history', { n: formatCount(p.consentHistory.length) })}</summary>
                <ul class={style.history}>
                  {[...p.consentHistory].reverse().map((r, i) => (
                    <li key={i}>
                      {t(r.granted ? 'customers.consents.given' : 'customers.consents.withdrawn', { at: formatDateTime(r.at), consent: CONSENTS.find((c) => c.key === r.consent)?.label ?? r.consent, version: r.textVersion, source: t(`customers.consents.sources.${r.source}`, { defaultValue: r.source }) })}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </Panel>
          {adminOnly && (
            <Panel title={t('customers.requests.title')} testId="customer-requests">
              <div class={style.requests}>
                <div>
                  <h3>{t('customers.requests.exportTitle')}</h3>
                  <p class="muted">{t('customers.requests.exportText')}</p>
                  <button type="button" class="btn" disabled={exportData.pending} onClick={() => void onExport()} data-testid="customer-export">
                    {exportData.pending ? t('customers.requests.preparing') : t('customers.requests.download')}
                  </button>
                  {exportData.error && <p class={style.error}>{describeError(exportData.error)}</p>}
                </div>
                <div>
                  <h3>{t('customers.requests.eraseTitle')}</h3>
                  <p class="muted">{t('customers.requests.eraseText')}</p>
                  {p.erasedAt ? (
                    <p class={style.ok} role="status" data-testid="customer-erased">
                      {erased ? t('customers.requests.erasedCards', { at: formatDateTime(p.erasedAt), count: erased.cardsRemoved, n: formatCount(erased.cardsRemoved) }) : t('customers.requests.erased', { at: formatDateTime(p.erasedAt) })}
                    </p>
                  ) : (
                    <ConfirmButton label={t('customers.requests.erase')} confirmLabel={t('customers.requests.eraseConfirm')} onConfirm={() => void onErase()} disabled={erase.pending} testId="customer-erase-button" />
                  )}
                  {erase.error && <p class={style.error}>{describeError(erase.error)}</p>}
                </div>
              </div>
            </Panel>
          )}
          {adminOnly && !p.erasedAt && (
            <Panel title={t('customers.adjust.title')} testId="customer-adjust">
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
