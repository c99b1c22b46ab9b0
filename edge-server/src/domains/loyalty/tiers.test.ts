import { describe, expect, it } from 'vitest';
import { tierStatus, type Tier } from './tiers.js';

const tiers: Tier[] = [
  { id: 'member', name: 'Member', thresholdMinor: 0, multiplierPct: 100 },
  { id: 'silver', name: 'Silver', thresholdMinor: 50_000, multiplierPct: 125 },
  { id: 'gold', name: 'Gold', thresholdMinor: 100_000, multiplierPct: 150 },
];

describe('tiers', () => {
  it('upgrades at once when the rolling spend crosses a threshold', () => {
    const s = tierStatus(tiers, [{ date: '2026-03-01', netMinor: 30_000 }, { date: '2026-03-05', netMinor: 25_000 }], '2026-03-05', 365, '01-01');
    expect(s.tier.id).toBe('silver');
    expect(s.next).toEqual({ tier: tiers[2], remainingSpendMinor: 45_000 });
    expect(s.reviewOn).toBe('2027-01-01');
  });

  it('keeps the tier until the review date even when spend falls out of the window, then downgrades', () => {
    const spends = [{ date: '2025-02-01', netMinor: 120_000 }];
    // Window of 365 days: by 2026-02-01 the spend has left it, but the review is on 06-01.
    expect(tierStatus(tiers, spends, '2026-03-01', 365, '06-01').tier.id).toBe('gold');
    expect(tierStatus(tiers, spends, '2026-06-01', 365, '06-01').tier.id).toBe('member');
  });

  it('counts returns against the spend at the review', () => {
    const spends = [{ date: '2026-05-01', netMinor: 60_000 }, { date: '2026-05-20', netMinor: -20_000 }];
    expect(tierStatus(tiers, spends, '2026-05-25', 365, '06-01').tier.id).toBe('silver');
    expect(tierStatus(tiers, spends, '2026-06-01', 365, '06-01').tier.id).toBe('member');
  });

  it('has a base tier when none is configured', () => {
    expect(tierStatus([], [], '2026-01-01', 365, '01-01')).toMatchObject({ tier: { name: 'Member' }, next: null });
  });
});
