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
import style from './style.module.css';

/** Issue gift cards (managers) and check a card's balance (all staff). */
export default function GiftCardsPage() {
  const { user } = useAuth();
  return (
    <>
      <PageHeader title="Gift cards" description="Gift card numbers are shown once, when issued; the server stores only a keyed hash and the last 4 digits." />
      <div class={style.columns}>
        {can(user?.role, 'campaigns.edit') && <IssuePanel />}
        <BalancePanel />
      </div>
    </>
  );
}

function IssuePanel() {
  const [amount, setAmount] = useState('25.00');
  const [problem, setProblem] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssueGiftCardResponse | null>(null);
  const issue = useAction((amountMinor: number) => api.call(ROUTES.giftCards.issue, { body: { amountMinor, idempotencyKey: idempotencyKey() } }));

  async function submit(e: Event) {
    e.preventDefault();
    const minor = parseMoneyInput(amount);
    if (minor === null || minor < 1 || minor > 1_000_000_00) return setProblem('Enter an amount from $0.01 to $1,000,000.');
    setProblem(null);
    const r = await issue.run(minor);
    if (r) setIssued(r);
  }

  if (issue.error instanceof ApiError && issue.error.isNotAvailable) return <NotAvailable what="gift cards" />;
  return (
    <Panel title="Issue a gift card">
      <form class={style.form} onSubmit={submit} noValidate data-testid="issue-gift-card-form">
        <label class="field">
          <span>Amount ($)</span>
          <input class="input" inputMode="decimal" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} data-testid="gift-card-amount" />
        </label>
        <button type="submit" class="btn btn-primary" disabled={issue.pending} data-testid="gift-card-issue">
          {issue.pending ? 'Issuing…' : 'Issue card'}
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
            Issued a {formatMoney(issued.card.balanceMinor)} card. Write down or print this number now — <strong>it is not shown again</strong>.
          </p>
          <div class={style.numberRow}>
            <code class={style.number} data-testid="gift-card-number" data-number={issued.number} aria-label={`Card number ${issued.number.split('').join(' ')}`}>
              {groupDigits(issued.number)}
            </code>
            <CopyButton text={issued.number} label="Copy number" />
          </div>
          <button type="button" class="btn btn-small" onClick={() => setIssued(null)}>
            Done
          </button>
        </div>
      )}
    </Panel>
  );
}

function BalancePanel() {
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

  if (check.error instanceof ApiError && check.error.isNotAvailable) return <NotAvailable what="gift cards" />;
  return (
    <Panel title="Check a balance">
      <form class={style.form} onSubmit={submit} noValidate data-testid="gift-card-balance-form">
        <label class="field">
          <span>Card number</span>
          <input class="input" autoComplete="off" value={number} onInput={(e) => setNumber(e.currentTarget.value)} data-testid="gift-card-lookup" />
        </label>
        <button type="submit" class="btn" disabled={check.pending || number.replace(/\s+/g, '').length < 8} data-testid="gift-card-check">
          Check
        </button>
      </form>
      {check.error && (
        <p class={style.error} role="alert">
          {describeError(check.error)}
        </p>
      )}
      {card && (
        <dl class={style.balance} data-testid="gift-card-balance">
          <dt>Card</dt>
          <dd>•••• {card.last4}</dd>
          <dt>Balance</dt>
          <dd class={style.big}>{formatMoney(card.balanceMinor)}</dd>
          <dt>Status</dt>
          <dd>
            <StatusChip tone={card.status === 'active' ? 'ok' : 'neutral'}>{card.status}</StatusChip>
          </dd>
        </dl>
      )}
    </Panel>
  );
}
