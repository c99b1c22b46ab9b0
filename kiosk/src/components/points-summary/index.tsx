import type { KioskSession } from '@vitrina/contracts';
import { tierLabel } from '../../lib/format';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

/** Points balance, tier and the way to the next tier, and points about to expire. */
export function PointsSummary({ session }: { session: KioskSession }) {
  const { t, fmt } = useT();
  const { tier, pointsExpiring } = session;
  return (
    <section class={styles.summary} aria-label={t('points.summary')}>
      <p class={styles.label}>{t('points.balance')}</p>
      <p class={styles.balance} data-testid="points-balance" data-points={session.pointsBalance}>
        {fmt.count(session.pointsBalance)}
        <span class={styles.unit}> {t('points.unit', { count: session.pointsBalance })}</span>
      </p>
      <div class={styles.tier} data-testid="tier" data-tier={tier.name}>
        <span class={styles.tierChip}>{tierLabel(tier.name, t)}</span>
        <p class={styles.next}>
          {tier.next
            ? t('points.nextTier', { amount: fmt.money(tier.next.remainingSpendMinor), tier: tier.next.name })
            : t('points.topTier')}
        </p>
      </div>
      {pointsExpiring && pointsExpiring.points > 0 && (
        <p class={styles.expiring} data-testid="points-expiring">
          <strong>{fmt.points(pointsExpiring.points)}</strong> {t('points.expiring', { date: fmt.day(pointsExpiring.by) })}
        </p>
      )}
      <p class={styles.card}>{t('points.cardEnding', { last4: session.cardLast4 })}</p>
    </section>
  );
}
