import { describe, expect, it } from 'vitest';
import { indexInSlices, packItemIds, unpackItemIds } from './item-index.js';

describe('item ids between the aggregates worker and the server', () => {
  it('round-trip exactly: empty list, one empty id, unicode, and ids holding the separator', () => {
    for (const ids of [[], [''], ['p-1'], ['p-1', '', 'молоко', 'p 2', '🍞'], ['a\u0000b', 'c']]) {
      expect(unpackItemIds(packItemIds(ids), ids.length)).toEqual(ids);
    }
    expect(typeof packItemIds(['p-1', 'p-2'])).toBe('string');
    expect(Array.isArray(packItemIds(['a\u0000b']))).toBe(true);
  });

  it('refuses ids that do not add up to the count sent with them', () => {
    expect(() => unpackItemIds('a\u0000b', 3)).toThrow(/2 ids, 3 expected/);
  });

  it('builds the same id → index map as the constructor, letting other work run between slices', async () => {
    const ids = Array.from({ length: 10_001 }, (_, k) => `p-${k}`);
    let done = false;
    const building = indexInSlices(ids, 1_000).then((index) => {
      done = true;
      return index;
    });
    // Work that arrives while the map is built (a scan's callback, say) runs before it is finished.
    const ranBeforeDone = await new Promise<boolean>((resolve) => setImmediate(() => resolve(!done)));
    expect(ranBeforeDone).toBe(true);
    expect(await building).toEqual(new Map(ids.map((id, k) => [id, k])));
  });

  it('one slice needs no turn of the event loop', async () => {
    expect(await indexInSlices(['a', 'b'], 1_000)).toEqual(new Map([['a', 0], ['b', 1]]));
  });
});
