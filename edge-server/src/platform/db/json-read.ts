import type { Database, Queryable, SqlValue } from './database.js';

/**
 * A read written as one scalar subquery that yields its rows as one JSON value, so that several
 * can run as a single statement (`readTogether`) and each alone as the same SQL (`readJson`).
 *
 * Why: on the async driver every statement costs a trip through the thread pool and back to the
 * main thread, and a shopper's first scan makes eight small ones from five domains (0.25–1 ms of
 * CPU each). As one statement they cost about a third (bench/profiles/priority.md, session 9).
 * Each domain keeps its own SQL; the scan only puts the subqueries side by side.
 */
export interface JsonRead<T> {
  /** The read cache's key for the value (read-cache.ts): the domain's usual key for these rows. */
  readonly key: string;
  /**
   * A parenthesized scalar subquery: a JSON text (`json_object`, `json_group_array`), or a plain
   * value, or NULL when there is no row. Its `?` parameters are `params`, in order.
   */
  readonly sql: string;
  readonly params: readonly SqlValue[];
  /** The value as the domain reads it (rows, a Set, a Map …) from what the subquery yielded. */
  parse(value: SqlValue): T;
}

/** One JSON read on its own (a repository's usual load). */
export async function readJson<T>(q: Queryable, read: JsonRead<T>): Promise<T> {
  const row = await q.get<{ v: SqlValue }>(`SELECT ${read.sql} AS v`, read.params);
  return read.parse(row?.v ?? null);
}

/**
 * Reads that are not cached yet, as one statement on the reader, into the database's read cache
 * (`ReadCache.prefill`): the domains' own `cachedRead`s of the same keys then share it instead of
 * reading one by one. What is cached already is not read again.
 */
export function readTogether(db: Database, reads: ReadonlyArray<JsonRead<unknown>>): Promise<void> {
  const byKey = new Map(reads.map((r) => [r.key, r]));
  return db.cache.prefill([...byKey.keys()], async (missing) => {
    const wanted = missing.map((key) => byKey.get(key)!);
    const row = await db.get<Record<string, SqlValue>>(
      `SELECT ${wanted.map((r, i) => `${r.sql} AS r${i}`).join(', ')}`,
      wanted.flatMap((r) => r.params),
    );
    return new Map(wanted.map((r, i) => [r.key, r.parse(row?.[`r${i}`] ?? null)]));
  });
}

/** A JSON array yielded by `json_group_array` (never NULL: no rows is `[]`). */
export function jsonArray<T>(value: SqlValue): T[] {
  return typeof value === 'string' ? (JSON.parse(value) as T[]) : [];
}

/** `'a', a, 'b', b` for `json_object(…)`: each column under its own name. */
export function jsonFields(columns: readonly string[]): string {
  return columns.map((c) => `'${c}', ${c}`).join(', ');
}

/** A read of one text column's values as a set (ids, segment names): `sql` yields their `json_group_array`. */
export function jsonSetRead(key: string, sql: string, params: readonly SqlValue[]): JsonRead<ReadonlySet<string>> {
  return { key, sql, params, parse: (v) => new Set(jsonArray<string>(v)) };
}
