import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * The item ids of a refreshed StoreAggregates on their way from the build worker to the server's
 * thread. Structured-cloned as an array and an id → index `Map`, they were deserialised in one
 * block on the server's thread: 21–62 ms for the demo store's 11,688 items, 49–161 ms for 20k,
 * 308–521 ms for 100k (min–median, load 22; bench/refresh-handover.ts). So the worker sends
 * the ids as one string and the server splits it (one short block) and rebuilds the map a
 * slice per turn of the event loop, letting scans and tills run between slices: the longest
 * block is then 11–26 / 12–53 / 134–178 ms (the split, or a garbage collection in a slice).
 */

/** The separator of the packed ids: a product id never holds a NUL; if one did, the ids go as an array. */
const SEP = '\u0000';

export function packItemIds(ids: readonly string[]): string | string[] {
  return ids.some((id) => id.includes(SEP)) ? [...ids] : ids.join(SEP);
}

/** The ids again; `count` tells an empty list from one empty id, and catches a damaged message. */
export function unpackItemIds(packed: string | string[], count: number): string[] {
  const ids = Array.isArray(packed) ? packed : count === 0 ? [] : packed.split(SEP);
  if (ids.length !== count) throw new Error(`item ids damaged in transfer: ${ids.length} ids, ${count} expected`);
  return ids;
}

/** Entries added between two turns of the event loop (a few ms each on a loaded 2-core box). */
export const INDEX_SLICE = 2_048;

/** `new Map(ids.map((id, k) => [id, k]))`, built a slice at a time with a turn of the event loop between slices. */
export async function indexInSlices(ids: readonly string[], slice = INDEX_SLICE): Promise<Map<string, number>> {
  const index = new Map<string, number>();
  for (let start = 0; start < ids.length; start += slice) {
    if (start > 0) await nextTurn();
    const end = Math.min(ids.length, start + slice);
    for (let k = start; k < end; k++) index.set(ids[k]!, k);
  }
  return index;
}
