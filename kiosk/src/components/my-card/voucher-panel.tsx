import { useState } from 'preact/hooks';
import type { MyCard } from '@vitrina/contracts';
import { buttons } from '@vitrina/contracts/client';
import { friendlyMessage, type ProblemKey } from '../../lib/error-messages';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

interface Props {
  voucher: NonNullable<MyCard['voucher']>;
  balance: number;
  onMake(points: number): Promise<{ ok: true; amountMinor: number; validTo: string } | { ok: false; problem: ProblemKey }>;
}

/** Up to four amounts to choose from: multiples of the program's minimum, within the balance. */
function choices(min: number, balance: number): number[] {
  const out: number[] = [];
  for (let n = 1; n <= 4 && min * n <= balance; n++) out.push(min * n);
  return out.length > 0 ? out : [min];
}

/** Points → a discount voucher for the next purchase (where the program allows it). */
export function VoucherPanel({ voucher, balance, onMake }: Props) {
  const { t, fmt } = useT();
  const options = choices(voucher.minPoints, balance);
  const [points, setPoints] = useState(options[0]!);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; amountMinor: number; validTo: string } | { ok: false; problem: ProblemKey } | null>(null);
  const make = async () => {
    setBusy(true);
    setResult(await onMake(points));
    setBusy(false);
  };
  const problem = result && !result.ok ? friendlyMessage(result.problem, t) : null;
  return (
    <section class={styles.panel} aria-labelledby="card-voucher-title" data-testid="card-voucher">
      <h2 id="card-voucher-title">{t('card.voucherTitle')}</h2>
      <p>{t('card.voucherText', { points: fmt.points(voucher.minPoints), amount: fmt.money(voucher.minPoints * voucher.pointValueMinor) })}</p>
      <div class={styles.choices} role="radiogroup" aria-label={t('card.voucherChoose')}>
        {options.map((p) => (
          <button
            type="button" key={p} role="radio" aria-checked={p === points} data-testid={`card-voucher-${p}`}
            class={`${styles.choice} ${p === points ? styles.chosen : ''}`} onClick={() => setPoints(p)}
          >
            {fmt.points(p)} → {fmt.money(p * voucher.pointValueMinor)}
          </button>
        ))}
      </div>
      <button type="button" class={buttons.primary} data-testid="card-voucher-make" disabled={busy} onClick={() => void make()}>
        {t('card.voucherMake')}
      </button>
      {result && (
        <p class={result.ok ? styles.ok : styles.problem} role={result.ok ? 'status' : 'alert'} data-testid="card-voucher-result">
          {result.ok ? t('card.voucherDone', { amount: fmt.money(result.amountMinor), date: fmt.day(result.validTo) }) : <><strong>{problem!.title}.</strong> {problem!.hint}</>}
        </p>
      )}
    </section>
  );
}
