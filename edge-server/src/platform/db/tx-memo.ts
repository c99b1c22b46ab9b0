import type { Queryable } from './database.js';

/**
 * Reads a repository's own configuration (settings, tiers, live promotions …) at most once per
 * transaction: a batch of receipts posted in one transaction re-reads none of it. Outside a
 * transaction (`q.memo` absent) it always reads. Keys are named by the owning repository; its
 * write methods call `forgetInTx` for the keys they change, so a transaction that edits its
 * own configuration then reads it back sees the edit.
 */
export async function memoInTx<T>(q: Queryable, key: string, load: () => Promise<T>): Promise<T> {
  if (!q.memo) return load();
  if (q.memo.has(key)) return q.memo.get(key) as T;
  const value = await load();
  q.memo.set(key, value);
  return value;
}

/** Drops every memo entry whose key starts with `prefix`. */
export function forgetInTx(q: Queryable, prefix: string) {
  if (!q.memo) return;
  for (const key of q.memo.keys()) if (key.startsWith(prefix)) q.memo.delete(key);
}
