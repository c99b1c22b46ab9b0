import { useState } from 'preact/hooks';
import { ROUTES, type AdjustPointsRequest, type PointsMovementResult } from '@vitrina/contracts';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { formatCount } from '../../lib/format';
import { idempotencyKey } from '../../lib/forms';
import { useAction } from '../../lib/use-api';
import style from './style.module.css';

/**
 * A goodwill or correction adjustment (admin). One idempotency key per intended adjustment:
 * a retry after a network error reuses it, so the points move once; editing the form makes a new one.
 */
export function AdjustPointsForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(idempotencyKey);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<PointsMovementResult | null>(null);
  const adjust = useAction((body: AdjustPointsRequest) => api.call(ROUTES.loyalty.adjust, { params: { customerId }, body }));

  const edit = (f: () => void) => {
    f();
    setKey(idempotencyKey());
    setResult(null);
  };

  async function submit(e: Event) {
    e.preventDefault();
    const n = /^[+-]?\d+$/.test(points.trim()) ? Number(points.trim()) : NaN;
    if (!Number.isSafeInteger(n) || n === 0 || Math.abs(n) > 100_000_000) return setProblem('Points: a whole number, positive to add or negative to remove, not 0.');
    if (!reason.trim()) return setProblem('Say why (it is kept in the ledger).');
    setProblem(null);
    const r = await adjust.run({ points: n, reason: reason.trim(), idempotencyKey: key });
    if (r) {
      setResult(r);
      setPoints('');
      setReason('');
      setKey(idempotencyKey());
      onDone();
    }
  }

  return (
    <form class={style.adjust} onSubmit={submit} noValidate data-testid="adjust-points-form">
      <label class="field">
        <span>Points (+/−)</span>
        <input class="input" inputMode="numeric" value={points} onInput={(e) => edit(() => setPoints(e.currentTarget.value))} data-testid="adjust-points" />
      </label>
      <label class="field">
        <span>Reason</span>
        <input class="input" maxLength={200} value={reason} onInput={(e) => edit(() => setReason(e.currentTarget.value))} placeholder="Goodwill for a damaged product" data-testid="adjust-reason" />
      </label>
      <button type="submit" class="btn" disabled={adjust.pending} data-testid="adjust-submit">
        {adjust.pending ? 'Saving…' : 'Adjust'}
      </button>
      {(problem || adjust.error) && (
        <p class={style.error} role="alert">
          {problem ?? describeError(adjust.error)}
        </p>
      )}
      {result && (
        <p class={style.ok} role="status" data-testid="adjust-result">
          Done: {result.points > 0 ? '+' : ''}
          {formatCount(result.points)} points; balance now {formatCount(result.balanceAfter)}.
        </p>
      )}
    </form>
  );
}
