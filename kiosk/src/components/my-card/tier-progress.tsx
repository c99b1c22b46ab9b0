import type { MyCard } from '@vitrina/contracts';
import { tierLabel } from '../../lib/format';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

/** How far the shopper's spend has come toward the next tier, and what that tier gives. */
export function TierProgress({ tier }: { tier: MyCard['tier'] }) {
  const { t, fmt } = useT();
  const next = tier.next;
  const pct = next ? Math.max(0, Math.min(100, Math.round((tier.windowSpendMinor / Math.max(1, next.thresholdMinor)) * 100))) : 100;
  return (
    <section class={styles.panel} aria-labelledby="card-tier-title" data-testid="card-tier">
      <h2 id="card-tier-title">{t('card.tierTitle', { tier: tierLabel(tier.name, t) })}</h2>
      <div class={styles.bar} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t('card.tierProgress')}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <p>
        {next
          ? t('card.tierNext', { amount: fmt.money(next.remainingSpendMinor), tier: next.name, multiplier: (next.multiplierPct / 100).toLocaleString(fmt.locale) })
          : t('card.tierTop')}
      </p>
    </section>
  );
}
