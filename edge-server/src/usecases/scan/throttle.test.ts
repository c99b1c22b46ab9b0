import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import { makeEan13 } from '../../domains/cards/index.js';

describe('card lookups are throttled per kiosk', () => {
  it('answers a burst a shopper could make, then refuses with a coded 429 at that kiosk only', async () => {
    const t = await build({ SCAN_RATE_PER_KIOSK: 0.1 });
    const { anaCard } = await seedSmallStore(t.services);
    const kioskA = { id: 'kiosk-a', zone_id: 'zone-a' };
    const results: string[] = [];
    // A guesser walking card numbers: each unknown number would answer "not registered".
    for (let i = 0; i < 25; i++) {
      results.push(await t.services.scan.identify(kioskA, makeEan13('2990', 5000 + i), 'keypad').then((r) => r.status, (err: { code: string }) => err.code));
    }
    expect(results.slice(0, 20)).toEqual(Array(20).fill('unknown'));
    expect(results.slice(20)).toEqual(Array(5).fill('VITRINA_ERR_RATE_LIMITED'));
    // Another kiosk still serves its shopper.
    expect((await t.services.scan.identify({ id: 'kiosk-b', zone_id: 'zone-b' }, anaCard, 'keypad')).status).toBe('known');
  });

  it('keeps at most a bounded number of unknown cards waiting for enrollment', async () => {
    const t = await build({ SCAN_RATE_PER_KIOSK: 10_000 });
    await seedSmallStore(t.services);
    for (let i = 0; i < 3000; i++) await t.services.cards.recognize(makeEan13('2991', i), 'keypad');
    expect(t.services.cards.pendingEnrollments).toBeLessThanOrEqual(1000);
  });
});
