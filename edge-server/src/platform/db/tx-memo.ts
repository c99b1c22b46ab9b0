import type { Queryable } from './database.js';

/**
 * Reads a repository's own configuration (settings, tiers, live promotions …) at most once per
 * transaction: a batch of receipts posted in one transaction re-reads none of it. Outside a
 * transaction (`q.memo` absent) it always reads; `cachedRead` below keeps committed rows between
 * requests. Keys are named by the owning repository; its
 * write methods call `forgetInTx` for the keys they change, so a transaction that edits its
 * own configuration then reads it back sees the edit.
 */
export async function memoInTx<T>(q: Queryable, key: string, load: () => Promise<T>): Promise<T> {
  const memo = q.memo;
  if (!memo) return load();
  if (memo.has(key)) return memo.get(key) as T;
  // Askers in parallel (a scan's Promise.all) share the one read in flight.
  let loads = inFlight.get(memo);
  if (!loads) inFlight.set(memo, (loads = new Map()));
  const pending = loads.get(key) as Promise<T> | undefined;
  if (pending) return pending;
  const loading = load().then((value) => {
    // Kept unless a write forgot the key meanwhile (forgetInTx ends the read in flight too).
    if (loads.get(key) === loading) memo.set(key, value);
    return value;
  }).finally(() => { if (loads.get(key) === loading) loads.delete(key); });
  loads.set(key, loading);
  return loading;
}

/** Reads in flight per memo, so that the memo itself holds only values. */
const inFlight = new WeakMap<Map<string, unknown>, Map<string, Promise<unknown>>>();

/** Drops every memo entry whose key starts with `prefix`. */
export function forgetInTx(q: Queryable, prefix: string) {
  if (!q.memo) return;
  for (const key of q.memo.keys()) if (key.startsWith(prefix)) q.memo.delete(key);
  const loads = inFlight.get(q.memo);
  if (loads) for (const key of loads.keys()) if (key.startsWith(prefix)) loads.delete(key);
}

/**
 * A read of committed rows that the database keeps between requests (read-cache.ts): the scan
 * path's per-shopper rows and the program's configuration. Inside a transaction it is
 * `memoInTx` (the transaction may have written them); outside one, the database's cache. The
 * repository that writes those rows calls `forgetCached` for the same key.
 */
export function cachedRead<T>(q: Queryable, key: string, load: () => Promise<T>): Promise<T> {
  if (q.afterCommit || !q.cache) return memoInTx(q, key, load);
  return q.cache.read(key, load);
}

/**
 * The rows under `keyOrArea` (one key, or an area ending in ':') changed: inside a transaction
 * the cache forgets them once it commits; outside one, now — so call it after the write. The
 * transaction's own memo is `forgetInTx`'s business.
 */
export function forgetCached(q: Queryable, keyOrArea: string) {
  const cache = q.cache;
  if (!cache) return;
  if (q.afterCommit) q.afterCommit(() => cache.forget(keyOrArea));
  else cache.forget(keyOrArea);
}

/** Erasure: every cached key of this shopper (keys end in `:<id>`), in every area, at commit. */
export function forgetShopperCached(q: Queryable, customerId: string) {
  const cache = q.cache;
  if (!cache) return;
  if (q.afterCommit) q.afterCommit(() => cache.forgetSubject(customerId));
  else cache.forgetSubject(customerId);
}
