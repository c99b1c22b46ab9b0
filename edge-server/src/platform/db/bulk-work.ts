import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Set while `Database.bulkWork(fn)` runs `fn` (and everything `fn` starts, through the async
 * context): every write submitted in it waits in the write queue's bulk lane.
 */
export const inBulkWork = new AsyncLocalStorage<true>();

/**
 * Bulk jobs write in chunks, one transaction each, and size each chunk by how long the last one
 * held the writer: the next chunk is the last one scaled towards `targetMs`, changed by at most
 * `maxStep`× at once (one slow commit is not a trend), within [min, max]. A busy or slow machine
 * gets smaller chunks, so an interactive write never waits behind more than about `targetMs`.
 */
export function nextChunkSize(size: number, heldMs: number, targetMs: number, bounds: { min: number; max: number; maxStep?: number }) {
  const step = bounds.maxStep ?? 2;
  const scaled = size * (targetMs / Math.max(heldMs, 0.1));
  const stepped = Math.min(size * step, Math.max(size / step, scaled));
  return Math.round(Math.min(bounds.max, Math.max(bounds.min, stepped)));
}
