import { useEffect, useState } from 'preact/hooks';
import type { KioskRewards, RewardRedemption } from '@vitrina/contracts';
import { buttons } from '@vitrina/contracts/client';
import type { CardAnswer } from '../../lib/card-requests';
import { friendlyMessage, type ProblemKey } from '../../lib/error-messages';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

interface Props {
  load(): Promise<CardAnswer<KioskRewards>>;
  redeem(rewardId: string, idempotencyKey: string): Promise<CardAnswer<RewardRedemption>>;
  /** After a redemption: the card's balance and grants changed. */
  onRedeemed(): void;
}

/** A fresh key per tap: a retry of the same tap (timeout) reuses it, so nothing is redeemed twice. */
function tapKey(): string {
  return `tap-${crypto.randomUUID()}`;
}

/** The rewards catalogue on My card: what the member's points buy, and redeeming one. */
export function RewardsPanel({ load, redeem, onRedeemed }: Props) {
  const { t, fmt } = useT();
  const [rewards, setRewards] = useState<KioskRewards | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: true; name: string } | { ok: false; problem: ProblemKey } | null>(null);

  const refresh = async () => {
    const r = await load();
    if (r.ok) setRewards(r.data);
  };
  useEffect(() => { void refresh(); }, []);

  if (!rewards || rewards.rewards.length === 0) return null;
  const take = async (id: string) => {
    setBusy(id);
    const key = tapKey();
    let r = await redeem(id, key);
    if (!r.ok && r.problem === 'TIMEOUT') r = await redeem(id, key);
    setBusy(null);
    setResult(r.ok ? { ok: true, name: r.data.rewardName } : { ok: false, problem: r.problem });
    if (r.ok) onRedeemed();
    void refresh();
  };
  const problem = result && !result.ok ? friendlyMessage(result.problem, t) : null;
  return (
    <section class={styles.panel} aria-labelledby="card-rewards-title" data-testid="card-rewards">
      <h2 id="card-rewards-title">{t('card.rewardsTitle')}</h2>
      <ul class={styles.list}>
        {rewards.rewards.map((r) => (
          <li key={r.id} data-testid={`card-reward-${r.id}`}>
            <strong>{r.name}</strong> · {fmt.points(r.pointsPrice)}
            {r.blockedBy ? (
              <span class={styles.note}> · {t(`card.rewardBlocked.${r.blockedBy}`)}</span>
            ) : (
              <button type="button" class={buttons.secondary} disabled={busy !== null} data-testid={`card-reward-redeem-${r.id}`} onClick={() => void take(r.id)}>
                {t('card.rewardRedeem')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {result && (
        <p class={result.ok ? styles.ok : styles.problem} role={result.ok ? 'status' : 'alert'} data-testid="card-reward-result">
          {result.ok ? t('card.rewardDone', { reward: result.name }) : <><strong>{problem!.title}.</strong> {problem!.hint}</>}
        </p>
      )}
    </section>
  );
}
