import type { ScreenProps } from '../../screens';
import { buttons } from '@vitrina/contracts/client';
import { friendlyMessage } from '../../lib/error-messages';
import { useMyCard } from '../../lib/use-my-card';
import { useT } from '../../lib/use-t';
import { Brand } from '../brand';
import { CodeEntry } from './code-entry';
import { ReferralQr } from './referral-qr';
import { TierProgress } from './tier-progress';
import { VoucherPanel } from './voucher-panel';
import { RewardsPanel } from './rewards-panel';
import styles from './style.module.css';

/** The soonest expiry dates listed one by one; the rest are summed in one line, so the panel stays short. */
const EXPIRING_ROWS = 3;

/**
 * My card: the shopper's membership on the kiosk that holds their session — balance, tier
 * progress, points expiring soon, what is waiting on the card (claimed codes, vouchers, birthday
 * gift), clipped offers, their referral QR; and promo codes, a friend's code, points → voucher.
 */
export default function MyCardScreen({ state, actions }: ScreenProps) {
  const { t, fmt } = useT();
  const sessionId = state.session?.sessionId ?? null;
  const { load, reload } = useMyCard(actions.card, sessionId);
  const card = load.status === 'ready' ? load.card : null;
  const back = () => actions.closeCard(card?.pointsBalance);

  return (
    <main class={styles.page} data-testid="my-card">
      <header class={styles.header}>
        <Brand />
        <div class={styles.headerButtons}>
          <button class={buttons.secondary} data-testid="card-back" onClick={back}>
            {t('card.back')}
          </button>
          <button class={buttons.ghost} data-testid="card-done" onClick={() => actions.finish('done')}>
            {t('session.done')}
          </button>
        </div>
      </header>
      <h1 class={styles.title}>{t('card.title')}</h1>
      {load.status === 'loading' && <p class={styles.note}>{t('card.loading')}</p>}
      {load.status === 'failed' && (
        <p class={styles.problem} role="alert" data-testid="card-failed">
          <strong>{friendlyMessage(load.problem, t).title}.</strong> {friendlyMessage(load.problem, t).hint}
        </p>
      )}
      {card && sessionId && (
        <div class={styles.grid}>
          <section class={styles.panel} aria-labelledby="card-points-title">
            <h2 id="card-points-title">{t('points.balance')}</h2>
            <p class={styles.balance} data-testid="card-balance" data-points={card.pointsBalance}>
              {fmt.count(card.pointsBalance)} <span>{t('points.unit', { count: card.pointsBalance })}</span>
            </p>
            {card.expiring.length > 0 ? (
              <div data-testid="card-expiring">
                <p class={styles.note}>{t('card.expiringTitle')}</p>
                <ul class={styles.list}>
                  {card.expiring.slice(0, EXPIRING_ROWS).map((e) => (
                    <li key={e.date}>{t('card.expiresOn', { points: fmt.points(e.points), date: fmt.day(e.date) })}</li>
                  ))}
                </ul>
                {card.expiring.length > EXPIRING_ROWS && (
                  <p class={styles.note}>{t('card.expiringMore', { points: fmt.points(card.expiring.slice(EXPIRING_ROWS).reduce((n, e) => n + e.points, 0)) })}</p>
                )}
              </div>
            ) : (
              <p class={styles.note}>{t('card.nothingExpiring')}</p>
            )}
          </section>
          <TierProgress tier={card.tier} />
          {card.birthday && (
            <section class={`${styles.panel} ${styles.birthday}`} data-testid="card-birthday">
              <h2>{t('card.birthdayTitle')}</h2>
              <p>{t('card.birthdayText', { offer: card.birthday.name, date: fmt.day(card.birthday.to) })}</p>
            </section>
          )}
          <section class={styles.panel} aria-labelledby="card-waiting-title" data-testid="card-grants">
            <h2 id="card-waiting-title">{t('card.waitingTitle')}</h2>
            {card.grants.length + card.clipped.length > 0 ? (
              <ul class={styles.list}>
                {card.grants.map((g, i) => (
                  <li key={`g${i}`}>
                    <strong>{g.discountText}</strong> · {g.source === 'voucher' ? t('card.voucherName') : g.name} · {t('card.until', { date: fmt.day(g.validTo) })}
                  </li>
                ))}
                {card.clipped.map((o) => (
                  <li key={o.offerId} data-testid="card-clipped">
                    <strong>{o.discountText}</strong> · {o.title} · {t('card.until', { date: fmt.day(o.validUntil) })}
                  </li>
                ))}
              </ul>
            ) : (
              <p class={styles.note}>{t('card.nothingWaiting')}</p>
            )}
          </section>
          <ReferralQr referral={card.referral} />
          <CodeEntry
            id="promo" title={t('card.promoTitle')} hint={t('card.promoHint')} submitLabel={t('card.promoSubmit')}
            onSubmit={async (code) => {
              const r = await actions.card('kiosk:claim-code', { sessionId, code });
              if (!r.ok) return r;
              void reload();
              return { ok: true, message: t('card.promoDone', { offer: r.data.name, date: fmt.day(r.data.validTo) }) };
            }}
          />
          {card.canClaimReferral && (
            <CodeEntry
              id="referral" title={t('card.friendTitle')} hint={t('card.friendHint')} submitLabel={t('card.friendSubmit')}
              onSubmit={async (code) => {
                const r = await actions.card('kiosk:claim-referral', { sessionId, code });
                if (!r.ok) return r;
                void reload();
                return { ok: true, message: t('card.friendDone', { points: fmt.points(r.data.refereePoints) }) };
              }}
            />
          )}
          <RewardsPanel
            load={() => actions.card('kiosk:rewards', { sessionId })}
            redeem={(rewardId, idempotencyKey) => actions.card('kiosk:redeem-reward', { sessionId, rewardId, idempotencyKey })}
            onRedeemed={() => void reload()}
          />
          {card.voucher && (
            <VoucherPanel
              voucher={card.voucher}
              balance={card.pointsBalance}
              onMake={async (points) => {
                const r = await actions.card('kiosk:voucher', { sessionId, points });
                if (!r.ok) return r;
                void reload();
                return { ok: true, amountMinor: r.data.amountMinor, validTo: r.data.validTo };
              }}
            />
          )}
        </div>
      )}
    </main>
  );
}
