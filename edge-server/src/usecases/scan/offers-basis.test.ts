import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import { makeEan13 } from '../../domains/cards/index.js';

/** "Picked for you" only when the shopper's own purchases ranked the offers; otherwise "Popular in this store". */
describe('the basis of a session\'s offers', () => {
  it('is picked for a consenting shopper with history, popular for one without history or without consent', async () => {
    const t = await build();
    const f = await seedSmallStore(t.services);
    const newCard = makeEan13('2990', 3);
    const now = new Date().toISOString();
    await t.services.db.run(
      "INSERT INTO customers (id, first_name, enrolled_at, consent_program, consent_marketing, consent_profiling, consents_updated_at) VALUES ('cust-new', 'Nia', ?, 1, 1, 1, ?)", [now, now]);
    await t.services.db.run("INSERT INTO cards (hmac, kind, last4, customer_id, status, created_at) VALUES (?, 'ean13', ?, 'cust-new', 'active', ?)", [t.services.cards.hmacOf('ean13', newCard), newCard.slice(-4), now]);
    const kiosk = { id: 'kiosk-a', zone_id: 'zone-a' };
    const session = async (card: string) => {
      const r = await t.services.scan.identify(kiosk, card, 'keypad');
      if (r.status !== 'known') throw new Error('expected a known card');
      return r.session;
    };
    // Ana: consent and five receipts of apples.
    expect(await session(f.anaCard)).toMatchObject({ offersBasis: 'picked', personalized: true });
    // Ben: no profiling consent.
    expect(await session(f.benCard)).toMatchObject({ offersBasis: 'popular', personalized: false, scoredBy: 'non-personal' });
    // Nia: consent, but nothing bought yet: greeted by name, offers by store popularity.
    const nia = await session(newCard);
    expect(nia).toMatchObject({ offersBasis: 'popular', personalized: true, greetingName: 'Nia', scoredBy: 'non-personal' });
    expect(nia.offers.length).toBeGreaterThan(0);
  });
});
