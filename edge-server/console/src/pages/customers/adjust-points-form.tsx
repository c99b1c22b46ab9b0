import { useState } from 'preact/hooks';
import { ROUTES, type AdjustPointsRequest, type PointsMovementResult } from '@vitrina/contracts';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { formatCount, formatPoints } from '../../lib/format';
import { idempotencyKey } from '../../lib/forms';
import { useAction } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/**
 * A goodwill or correction adjustment (admin). One idempotency key per intended adjustment:
 * a retry after a network error reuses it, so the points move once; editing the form makes a new one.
 */
export function AdjustPointsForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const { t } = useT();
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
    if (!Number.isSafeInteger(n) || n === 0 || Math.abs(n) > 100_000_000) return setProblem(t('customers.adjust.pointsProblem'));
    if (!reason.trim()) return setProblem(t('customers.adjust.reasonProblem'));
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
        <span>{t('customers.adjust.points')}</span>
        <input class="input" inputMode="numeric" value={points} onInput={(e) => edit(() => setPoints(e.currentTarget.value))} data-testid="adjust-points" />
      </label>
      <label class="field">
        <span>{t('customers.adjust.reason')}</span>
        <input class="input" maxLength={200} value={reason} onInput={(e) => edit(() => setReason(e.currentTarget.value))} placeholder={t('customers.adjust.reasonPlaceholder')} data-testid="adjust-reason" />
      </label>
      <button type="submit" class="btn" disabled={adjust.pending} data-testid="adjust-submit">
        {adjust.pending ? t('customers.adjust.saving') : t('customers.adjust.submit')}
      </button>
      {(problem || adjust.error) && (
        <p class={style.error} role="alert">
          {problem ?? describeError(adjust.error)}
        </p>
      )}
      {result && (
        <p class={style.ok} role="status" data-testid="adjust-result">
          {t('customers.adjust.done', { points: `${result.points > 0 ? '+' : ''}${formatCount(result.points)}`, balance: formatPoints(result.balanceAfter) })}
        </p>
      )}
    </form>
  );
}
