import type { ScreenProps } from '../../screens';
import { Brand } from '../brand';
import { OfferCard } from '../offer-card';
import { PointsSummary } from '../points-summary';
import { buttons } from '@vitrina/contracts/client';
import styles from './style.module.css';

/** First name only when the shopper consented to it (the server sends null otherwise). */
function greeting(isNew: boolean, name: string | null): string {
  const hello = isNew ? 'Welcome' : 'Welcome back';
  return name ? `${hello}, ${name}` : hello;
}

/** The identified shopper's screen: greeting, points, tier, and offers to clip. */
export default function Session({ state, actions }: ScreenProps) {
  const session = state.session;
  if (!session) return null;
  return (
    <main class={styles.page} data-testid="greeting" data-session-id={session.sessionId}>
      <header class={styles.header}>
        <Brand />
        <button class={buttons.secondary} data-testid="session-done" onClick={() => actions.finish('done')}>
          I’m done
        </button>
      </header>
      <h1 class={styles.hello} data-testid="greeting-text">
        {greeting(state.justEnrolled, session.greetingName)}
      </h1>
      <div class={styles.body}>
        <PointsSummary session={session} />
        <section class={styles.offers} aria-labelledby="offers-title">
          <div class={styles.offersHead}>
            <h2 id="offers-title">{session.personalized ? 'Picked for you today' : 'This week’s offers'}</h2>
            <p>Tap “Add to card” and the discount applies at checkout.</p>
          </div>
          {session.offers.length > 0 ? (
            <div class={styles.grid}>
              {session.offers.map((offer) => (
                <OfferCard key={offer.offerId} offer={offer} onClip={actions.clip} />
              ))}
            </div>
          ) : (
            <p class={styles.empty} data-testid="no-offers">
              No offers right now — check back on your next visit.
            </p>
          )}
        </section>
      </div>
    </main>
  );
}
