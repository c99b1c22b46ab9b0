import { describe, expect, it } from 'vitest';
import { draftsToTiers, tierToDraft } from './tiers-edit';

describe('tier editing', () => {
  it('converts dollars and percent, and sorts by threshold', () => {
    const { tiers, problems } = draftsToTiers([
      { id: 'gold', name: 'Gold', threshold: '1,000', multiplierPct: '150' },
      { id: 'member', name: 'Member', threshold: '0', multiplierPct: '100' },
    ]);
    expect(problems).toEqual([]);
    expect(tiers).toEqual([
      { id: 'member', name: 'Member', thresholdMinor: 0, multiplierPct: 100 },
      { id: 'gold', name: 'Gold', thresholdMinor: 100000, multiplierPct: 150 },
    ]);
    expect(tierToDraft(tiers![1]!)).toEqual({ id: 'gold', name: 'Gold', threshold: '1000.00', multiplierPct: '150' });
  });
  it('refuses duplicate ids, bad amounts, no $0 base tier and equal thresholds', () => {
    expect(draftsToTiers([{ id: 'a', name: 'A', threshold: '10', multiplierPct: '100' }]).problems).toEqual(['The first tier must start at $0 so every member has a tier.']);
    const r = draftsToTiers([
      { id: 'a', name: 'A', threshold: '0', multiplierPct: '100' },
      { id: 'a', name: '', threshold: 'x', multiplierPct: '1.5' },
      { id: 'b', name: 'B', threshold: '0', multiplierPct: '120' },
    ]);
    expect(r.tiers).toBeNull();
    expect(r.problems).toEqual([
      'Tier 2: the id "a" is used twice.',
      'Tier 2: a name of 1–40 characters.',
      'Tier 2: the spend threshold as an amount, e.g. 500 or 500.00.',
      'Tier 2: the multiplier as a whole percentage (100 = normal).',
      'Two tiers have the same threshold.',
    ]);
  });
});
