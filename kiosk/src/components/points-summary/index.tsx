import type { KioskSession } from '@vitrina/contracts';
import { formatMoney } from '@vitrina/contracts/client';
import { formatPoints, formatShortDate, tierLabel } from '../../lib/format';
import styles from './style.module.css';

/** Points balance, tier and the way to the next tier, and points about to expire. */
export function PointsSummary({ session }: { session: KioskSession }) {
  const { tier, pointsExpiring } = session;
  return (
    <section class={styles.summary} aria-label="Your points">
      <p class={styles.label}>Points balance</p>
      <p class={styles.balance} data-testid="points-balance" data-points={session.pointsBalance}>
        {formatPoints(session.pointsBalance)}
        <span class={styles.unit}> pts</span>
      </p>
      <div class={styles.tier} data-testid="tier" data-tier={tier.name}>
        <span class={styles.tierChip}>{tierLabel(tier.name)}</span>
        <p class={styles.next}>
          {tier.next
            ? `Spend ${formatMoney(tier.next.remainingSpendMinor)} more to reach ${tier.next.name}.`
            : 'You’re at our top tier. Thank you!'}
        </p>
      </div>
      {pointsExpiring && pointsExpiring.points > 0 && (
        <p class={styles.expiring} data-testid="points-expiring">
          <strong>{formatPoints(pointsExpiring.points)} points</strong> expire by {formatShortDate(pointsExpiring.by)} — use them on
          your next shop.
        </p>
      )}
      <p class={styles.card}>Card ending {session.cardLast4}</p>
    </section>
  );
}
