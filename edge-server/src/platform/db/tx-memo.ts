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
  markWritten(q, prefix);
  for (const key of q.memo.keys()) if (key.startsWith(prefix)) q.memo.delete(key);
  const loads = inFlight.get(q.memo);
  if (loads) for (const key of loads.keys()) if (key.startsWith(prefix)) loads.delete(key);
}

/**
 * A read of committed rows that the database keeps between requests (read-cache.ts): the scan
 * path's per-shopper rows and the program's configuration. Outside a transaction, the
 * database's cache. Inside one, the committed rows serve too, for as long as this transaction
 * has not written them (no `forgetInTx`/`forgetCached`/`forgetShopperCached` of that key yet):
 * writes are serialized, so nothing else can have changed them since they were committed, and
 * another connection's commit is ruled out by `PRAGMA data_version` (read once per transaction,
 * cacheTrustedIn). A till's receipt thus reads its shopper's ledger, spends, tiers … from memory
 * instead of holding the one writer for a dozen statements. Once written, or when not cached,
 * it is `memoInTx` (reads the transaction's own writes). The repository that writes those rows
 * calls `forgetCached` for the same key.
 *
 * Values from the cache are shared and must not be mutated. A repository that keeps the
 * transaction's memo exact by writing through it (the ledger's entries, a shopper's spends)
 * passes `copyForTx`: the hit is copied into the memo, so its write-through changes the copy
 * and the transaction does not read the rows again after its own write.
 */
export async function cachedRead<T>(q: Queryable, key: string, load: () => Promise<T>, opts: { copyForTx?: (value: T) => T } = {}): Promise<T> {
  const cache = q.cache;
  if (!cache) return memoInTx(q, key, load);
  if (!q.afterCommit || !q.memo) return cache.read(key, load);
  const memo = q.memo;
  if (!memo.has(key) && !writtenInTx(q, key) && cache.peek(key) !== undefined && (await cacheTrustedIn(q))) {
    // Looked at again after the await: this transaction may have written it meanwhile.
    const hit = cache.peek<T>(key);
    if (hit !== undefined && !memo.has(key) && !writtenInTx(q, key)) {
      if (!opts.copyForTx) return hit;
      const copy = opts.copyForTx(hit);
      memo.set(key, copy);
      return copy;
    }
  }
  return memoInTx(q, key, load);
}

/** What one transaction wrote, by its memo (which keeps its identity through a savepoint's clear()). */
const writtenBy = new WeakMap<Map<string, unknown>, { prefixes: string[]; subjects: string[] }>();

function markWritten(q: Queryable, prefix: string, subject?: string) {
  if (!q.memo) return;
  let w = writtenBy.get(q.memo);
  if (!w) writtenBy.set(q.memo, (w = { prefixes: [], subjects: [] }));
  if (subject !== undefined) w.subjects.push(`:${subject}`);
  else w.prefixes.push(prefix);
}

/** Whether this transaction forgot `key` (a key or area given to a forget is a prefix here: a wider match only reads more). */
function writtenInTx(q: Queryable, key: string) {
  const w = q.memo && writtenBy.get(q.memo);
  return !!w && (w.prefixes.some((p) => key.startsWith(p)) || w.subjects.some((s) => key.endsWith(s)));
}

/** Per transaction: whether the cache may answer it (read once, on the transaction's connection). */
const trustedIn = new WeakMap<Map<string, unknown>, Promise<boolean>>();

/**
 * Another process (the import CLI, a restore) may have committed to the same file: the writer
 * connection's `PRAGMA data_version` moves only on other connections' commits. Read inside the
 * transaction (which holds the write lock), it tells whether the committed cache still is the
 * database; when it moved, the cache is cleared and this transaction reads for itself.
 */
function cacheTrustedIn(q: Queryable): Promise<boolean> {
  const memo = q.memo!;
  let trusted = trustedIn.get(memo);
  if (!trusted) {
    trusted = q.get<{ data_version: number }>('PRAGMA data_version').then((r) => q.cache!.sameWriterSince(r?.data_version ?? null));
    trustedIn.set(memo, trusted);
  }
  return trusted;
}

/**
 * The rows under `keyOrArea` (one key, or an area ending in ':') changed: inside a transaction
 * the cache forgets them once it commits; outside one, now — so call it after the write. The
 * transaction's own memo is `forgetInTx`'s business.
 */
export function forgetCached(q: Queryable, keyOrArea: string) {
  markWritten(q, keyOrArea);
  const cache = q.cache;
  if (!cache) return;
  if (q.afterCommit) q.afterCommit(() => cache.forget(keyOrArea));
  else cache.forget(keyOrArea);
}

/** Erasure: every cached key of this shopper (keys end in `:<id>`), in every area, at commit. */
export function forgetShopperCached(q: Queryable, customerId: string) {
  markWritten(q, '', customerId);
  const cache = q.cache;
  if (!cache) return;
  if (q.afterCommit) q.afterCommit(() => cache.forgetSubject(customerId));
  else cache.forgetSubject(customerId);
}
