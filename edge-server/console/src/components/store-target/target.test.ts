import { describe, expect, it } from 'vitest';
import type { PublishTarget } from '@vitrina/contracts';
import { ALL_STORES, draftToTarget, regionsOf, storesReached, targetToDraft, toggleStore, type TargetStore } from './target';

const STORES: TargetStore[] = [
  { id: 'msk-1', name: 'Tverskaya', region: 'msk' },
  { id: 'spb-1', name: 'Nevsky', region: 'spb' },
  { id: 'msk-2', name: 'Arbat', region: 'msk' },
];

describe('the store target picker', () => {
  it('lists each region once, sorted', () => {
    expect(regionsOf(STORES)).toEqual(['msk', 'spb']);
    expect(regionsOf([])).toEqual([]);
  });

  it('gives a publishable target only once the draft is complete', () => {
    expect(draftToTarget(ALL_STORES)).toEqual({ scope: 'all' });
    expect(draftToTarget({ scope: 'region', region: '', storeIds: ['msk-1'] })).toBeNull();
    expect(draftToTarget({ scope: 'region', region: 'spb', storeIds: ['msk-1'] })).toEqual({ scope: 'region', region: 'spb' });
    expect(draftToTarget({ scope: 'stores', region: 'spb', storeIds: [] })).toBeNull();
    expect(draftToTarget({ scope: 'stores', region: 'spb', storeIds: ['msk-2'] })).toEqual({ scope: 'stores', storeIds: ['msk-2'] });
  });

  it('round-trips a published target into a draft', () => {
    const targets: PublishTarget[] = [{ scope: 'all' }, { scope: 'region', region: 'msk' }, { scope: 'stores', storeIds: ['spb-1', 'msk-1'] }];
    for (const t of targets) {
      expect(draftToTarget(targetToDraft(t))).toEqual(t);
    }
  });

  it('shows which registered stores a draft reaches', () => {
    const ids = (d: Parameters<typeof storesReached>[0]) => storesReached(d, STORES).map((s) => s.id);
    expect(ids(ALL_STORES)).toEqual(['msk-1', 'spb-1', 'msk-2']);
    expect(ids({ scope: 'region', region: 'msk', storeIds: [] })).toEqual(['msk-1', 'msk-2']);
    expect(ids({ scope: 'region', region: '', storeIds: [] })).toEqual([]);
    expect(ids({ scope: 'stores', region: 'msk', storeIds: ['spb-1'] })).toEqual(['spb-1']);
  });

  it('ticks and unticks stores without duplicates', () => {
    let d = toggleStore(ALL_STORES, 'a', true);
    d = toggleStore(d, 'b', true);
    d = toggleStore(d, 'a', true);
    expect(d.storeIds).toEqual(['b', 'a']);
    expect(toggleStore(d, 'b', false).storeIds).toEqual(['a']);
  });
});
