import type { TFunction } from 'i18next';
import type { ScreenProps } from '../../screens';
import { Brand } from '../brand';
import { OfferCard } from '../offer-card';
import { PointsSummary } from '../points-summary';
import { ScrollArea } from '../scroll-area';
import { DisplayOptions } from '../display-options';
import { VirtualCard } from '../virtual-card';
import { buttons } from '@vitrina/contracts/client';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

/** First name only when the shopper consented to it (the server sends null otherwise). */
function greeting(t: TFunction, isNew: boolean, name: string | null): string {
  if (isNew) return name ? t('session.welcomeName', { name }) : t('session.welcome');
  return name ? t('session.welcomeBackName', { name }) : t('session.welcomeBack');
}

/** The identified shopper's screen: greeting, points, tier, and offers to clip. */
export default function Session({ state, actions }: ScreenProps) {
  const { t } = useT();
  const session = state.session;
  if (!session) return null;
  return (
    <main class={state.virtualCard ? `${styles.page} ${styles.withCard}` : styles.page} data-testid="greeting" data-session-id={session.sessionId}>
      <header class={styles.header}>
        <Brand />
        <div class={styles.headerActions}>
          <DisplayOptions />
          <button class={buttons.primary} data-testid="session-my-card" onClick={actions.openCard}>
            {t('card.open')}
          </button>
          <button class={buttons.secondary} data-testid="session-done" onClick={() => actions.finish('done')}>
            {t('session.done')}
          </button>
        </div>
      </header>
      <h1 class={styles.hello} data-testid="greeting-text">
        {greeting(t, state.justEnrolled, session.greetingName)}
      </h1>
      {state.virtualCard && <VirtualCard number={state.virtualCard} />}
      <div class={styles.body}>
        <PointsSummary session={session} />
        <section class={styles.offers} aria-labelledby="offers-title">
          <div class={styles.offersHead}>
            {/* "Picked for you" only when the shopper's own purchases ranked these offers (the server says which). */}
            <h2 id="offers-title" data-testid="offers-heading" data-basis={session.offersBasis}>
              {session.offersBasis === 'picked' ? t('offers.pickedForYou') : t('offers.popularInStore')}
            </h2>
            <p>{t('session.clipHint')}</p>
          </div>
          {session.offers.length > 0 ? (
            <ScrollArea label={t('scroll.offersList')} moreLabel={t('scroll.more')} topLabel={t('scroll.top')}>
              <div class={styles.grid}>
                {session.offers.map((offer) => (
                  <OfferCard key={offer.offerId} offer={offer} onClip={actions.clip} />
                ))}
              </div>
            </ScrollArea>
          ) : (
            <p class={styles.empty} data-testid="no-offers">
              {t('session.noOffers')}
            </p>
          )}
        </section>
      </div>
    </main>
  );
}
