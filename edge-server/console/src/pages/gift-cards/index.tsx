import { useState } from 'preact/hooks';
import { ROUTES, type GiftCardBalance, type IssueGiftCardResponse } from '@vitrina/contracts';
import { CopyButton } from '../../components/copy-button';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { NotAvailable } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { api } from '../../lib/api';
import { ApiError, describeError } from '../../lib/api-error';
import { formatMoney, groupDigits } from '../../lib/format';
import { idempotencyKey, parseMoneyInput } from '../../lib/forms';
import { can } from '../../lib/roles';
import { useAction } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';
import style from './style.module.css';
import { GiftCardsList } from './cards-list';

/** Issue gift cards (managers) and check a card's balance (all staff). */
export default function GiftCardsPage() {
  const { t } = useT();
  const { user } = useAuth();
  return (
    <>
      <PageHeader title={routeTitle({ id: 'gift-cards', title: 'Gift cards' }, t)} description={t('giftCards.description')} />
      <div class={style.columns}>
        {can(user?.role, 'campaigns.edit') && <IssuePanel />}
        <BalancePanel />
      </div>
      {can(user?.role, 'campaigns.edit') && <GiftCardsList />}
    </>
  );
}

function IssuePanel() {
  const { t, fmt } = useT();
  const [amount, setAmount] = useState('25.00');
  const [expiresOn, setExpiresOn] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssueGiftCardResponse | null>(null);
  const issue = useAction((amountMinor: number) => api.call(ROUTES.giftCards.issue, { body: { amountMinor, idempotencyKey: idempotencyKey(), ...(expiresOn ? { expiresOn } : {}) } }));

  async function submit(e: Event) {
    e.preventDefault();
    const minor = parseMoneyInput(amount);
    if (minor === null || minor < 1 || minor > 1_000_000_00) return setProblem(t('giftCards.amountProblem', { min: formatMoney(1), max: formatMoney(1_000_000_00) }));
    setProblem(null);
    const r = await issue.run(minor);
    if (r) setIssued(r);
  }

  if (issue.error instanceof ApiError && issue.error.isNotAvailable) return <NotAvailable what={t('giftCards.what')} />;
  return (
    <Panel title={t('giftCards.issueTitle')}>
      <form class={style.form} onSubmit={submit} noValidate data-testid="issue-gift-card-form">
        <label class="field">
          <span>{t('giftCards.amount', { currency: fmt.currency })}</span>
          <input class="input" inputMode="decimal" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} data-testid="gift-card-amount" />
        </label>
        <label class="field">
          <span>{t('giftCards.expiresOn')}</span>
          <input class="input" type="date" value={expiresOn} onInput={(e) => setExpiresOn(e.currentTarget.value)} data-testid="gift-card-expires" />
        </label>
        <button type="submit" class="btn btn-primary" disabled={issue.pending} data-testid="gift-card-issue">
          {issue.pending ? t('giftCards.issuing') : t('giftCards.issue')}
        </button>
      </form>
      {(problem || issue.error) && (
        <p class={style.error} role="alert">
          {problem ?? describeError(issue.error)}
        </p>
      )}
      {issued && (
        <div class={style.issued} data-testid="gift-card-issued">
          <p>
            {t('giftCards.issued', { amount: formatMoney(issued.card.balanceMinor) })} <strong>{t('giftCards.notShownAgain')}</strong>.
          </p>
          <div class={style.numberRow}>
            <code class={style.number} data-testid="gift-card-number" data-number={issued.number} aria-label={t('giftCards.numberLabel', { number: issued.number.split('').join(' ') })}>
              {groupDigits(issued.number)}
            </code>
            <CopyButton text={issued.number} label={t('giftCards.copyNumber')} />
          </div>
          <button type="button" class="btn btn-small" onClick={() => setIssued(null)}>
            {t('giftCards.done')}
          </button>
        </div>
      )}
    </Panel>
  );
}

function BalancePanel() {
  const { t } = useT();
  const [number, setNumber] = useState('');
  const [card, setCard] = useState<GiftCardBalance | null>(null);
  const check = useAction((n: string) => api.call(ROUTES.giftCards.balance, { body: { number: n } }));

  async function submit(e: Event) {
    e.preventDefault();
    setCard(null);
    const n = number.replace(/\s+/g, '');
    if (n.length < 8) return;
    const r = await check.run(n);
    if (r) setCard(r);
  }

  if (check.error instanceof ApiError && check.error.isNotAvailable) return <NotAvailable what={t('giftCards.what')} />;
  return (
    <Panel title={t('giftCards.balanceTitle')}>
      <form class={style.form} onSubmit={submit} noValidate data-testid="gift-card-balance-form">
        <label class="field">
          <span>{t('giftCards.cardNumber')}</span>
          <input class="input" autoComplete="off" value={number} onInput={(e) => setNumber(e.currentTarget.value)} data-testid="gift-card-lookup" />
        </label>
        <button type="submit" class="btn" disabled={check.pending || number.replace(/\s+/g, '').length < 8} data-testid="gift-card-check">
          {t('giftCards.check')}
        </button>
      </form>
      {check.error && (
        <p class={style.error} role="alert">
          {describeError(check.error)}
        </p>
      )}
      {card && (
        <dl class={style.balance} data-testid="gift-card-balance">
          <dt>{t('giftCards.card')}</dt>
          <dd>•••• {card.last4}</dd>
          <dt>{t('giftCards.balance')}</dt>
          <dd class={style.big}>{formatMoney(card.balanceMinor)}</dd>
          <dt>{t('giftCards.status')}</dt>
          <dd>
            <StatusChip tone={card.status === 'active' ? 'ok' : 'neutral'}>{card.status === 'active' ? t('giftCards.active') : card.status}</StatusChip>
          </dd>
        </dl>
      )}
    </Panel>
  );
}
