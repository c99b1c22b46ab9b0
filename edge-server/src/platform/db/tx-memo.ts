import type { Queryable } from './database.js';

/**
 * Reads a repository's own configuration (settings, tiers, live promotions …) at most once per
 * transaction: a batch of receipts posted in one transaction re-reads none of it. The database
 * itself has a memo only inside `db.readScope(fn)` (one scan's reads); elsewhere outside a
 * transaction (`q.memo` absent) it always reads. Keys are named by the owning repository; its
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
