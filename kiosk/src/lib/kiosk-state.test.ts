import { describe, expect, it } from 'vitest';
import type { KioskSession } from '@vitrina/contracts';
import { initialKioskState, kioskReducer } from './kiosk-state';

const session: KioskSession = {
  sessionId: 's1',
  kioskId: 'k1',
  greetingName: 'Ana',
  cardLast4: '3931',
  pointsBalance: 1200,
  pointsExpiring: null,
  tier: { name: 'Silver', next: { name: 'Gold', remainingSpendMinor: 5000 } },
  personalized: true,
  offersBasis: 'picked',
  scoredBy: 'fallback',
  offers: [
    { offerId: 'o1', productId: 'p1', productName: 'Milk', displayName: 'Milk', imageUrl: null, department: 'DAIRY', category: 'MILK', priceMinor: 299, discountKind: 'percent', discountValue: 20, discountText: '20% off', offerPriceMinor: 239, bonusPoints: 0, personal: true, clipped: false, validUntil: null },
    { offerId: 'o2', productId: 'p2', productName: 'Bread', displayName: 'Bread', imageUrl: null, department: 'BAKERY', category: 'BREAD', priceMinor: 199, discountKind: 'amount', discountValue: 50, discountText: '$0.50 off', offerPriceMinor: 149, bonusPoints: 0, personal: true, clipped: false, validUntil: null },
  ],
};

describe('kioskReducer', () => {
  it('a known card goes to the session screen and clears any problem', () => {
    let s = kioskReducer(initialKioskState, { type: 'problem', key: 'OFFLINE' });
    s = kioskReducer(s, { type: 'identified', result: { status: 'known', session } });
    expect(s.screen).toBe('session');
    expect(s.session?.sessionId).toBe('s1');
    expect(s.problem).toBeNull();
  });

  it('an unknown card goes to the enroll screen with its token', () => {
    const s = kioskReducer(initialKioskState, {
      type: 'identified',
      result: { status: 'unknown', unknown: { kioskId: 'k1', cardLast4: '0001', enrollToken: 'tok' } },
    });
    expect(s.screen).toBe('unknown');
    expect(s.unknown?.enrollToken).toBe('tok');
    expect(s.session).toBeNull();
  });

  it('a session from enrolling is marked as new; a scanned one is not', () => {
    const enrolled = kioskReducer(initialKioskState, { type: 'identified', result: { status: 'known', session }, enrolled: true });
    expect(enrolled.justEnrolled).toBe(true);
    const scanned = kioskReducer(enrolled, { type: 'identified', result: { status: 'known', session } });
    expect(scanned.justEnrolled).toBe(false);
  });

  it('clipping marks only that offer', () => {
    let s = kioskReducer(initialKioskState, { type: 'identified', result: { status: 'known', session } });
    s = kioskReducer(s, { type: 'clipped', offerId: 'o2' });
    expect(s.session?.offers.map((o) => o.clipped)).toEqual([false, true]);
  });

  it('the same problem twice is shown twice (new seq), and busy ends on a problem', () => {
    let s = kioskReducer(initialKioskState, { type: 'busy' });
    s = kioskReducer(s, { type: 'problem', key: 'VITRINA_ERR_CARD_INVALID' });
    const first = s.problem?.seq;
    s = kioskReducer(s, { type: 'problem', key: 'VITRINA_ERR_CARD_INVALID' });
    expect(s.problem?.seq).not.toBe(first);
    expect(s.busy).toBe(false);
    expect(s.screen).toBe('attract');
  });

  it('reset forgets the shopper entirely', () => {
    let s = kioskReducer(initialKioskState, { type: 'identified', result: { status: 'known', session } });
    s = kioskReducer(s, { type: 'reset' });
    expect(s).toEqual(initialKioskState);
  });

  it('offers the phone field to a shopper who came with a card, not to one who typed a phone', () => {
    const unknown = { kioskId: 'k1', cardLast4: '0001', enrollToken: 'tok' };
    expect(kioskReducer(initialKioskState, { type: 'identified', result: { status: 'unknown', unknown }, startedWith: 'card' }).offerPhone).toBe(true);
    expect(kioskReducer(initialKioskState, { type: 'identified', result: { status: 'unknown', unknown }, startedWith: 'phone' }).offerPhone).toBe(false);
    // A scanner push says nothing about its source: only cards are scanned.
    expect(kioskReducer(initialKioskState, { type: 'identified', result: { status: 'unknown', unknown } }).offerPhone).toBe(true);
  });

  it('carries the virtual card of an enrollment into that session only, and forgets it when the session ends', () => {
    const enrolled = kioskReducer(initialKioskState, { type: 'identified', result: { status: 'known', session, virtualCard: '2991234567890' }, enrolled: true });
    expect(enrolled.virtualCard).toBe('2991234567890');
    // Clipping keeps it on screen; the next shopper's card and a reset clear it.
    expect(kioskReducer(enrolled, { type: 'clipped', offerId: 'o1' }).virtualCard).toBe('2991234567890');
    expect(kioskReducer(enrolled, { type: 'identified', result: { status: 'known', session: { ...session, sessionId: 's2' } } }).virtualCard).toBeNull();
    expect(kioskReducer(enrolled, { type: 'reset' }).virtualCard).toBeNull();
    // Only an enrollment's answer may carry one.
    expect(kioskReducer(initialKioskState, { type: 'identified', result: { status: 'known', session, virtualCard: '2991234567890' } }).virtualCard).toBeNull();
  });

  it('opens My card only over a session, and comes back to it with the balance My card last read', () => {
    expect(kioskReducer(initialKioskState, { type: 'open-card' })).toBe(initialKioskState);
    const inSession = kioskReducer(initialKioskState, { type: 'identified', result: { status: 'known', session } });
    const onCard = kioskReducer(inSession, { type: 'open-card' });
    expect(onCard.screen).toBe('my-card');
    const back = kioskReducer(onCard, { type: 'close-card', pointsBalance: 7 });
    expect(back.screen).toBe('session');
    expect(back.session?.pointsBalance).toBe(7);
    expect(kioskReducer(onCard, { type: 'close-card' }).session).toBe(onCard.session);
  });
});
