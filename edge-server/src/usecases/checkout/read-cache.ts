import type { Params, Queryable } from '../../platform/db/database.js';

/**
 * A Queryable that memoizes reads of configuration tables for the length of one batch
 * transaction (`postMany`): settings, tiers, earn rules, campaigns, live promotions and
 * products do not change while a batch of receipts is posted, and re-reading them per
 * receipt is most of the cost of posting history. Writes and all other reads pass through.
 */
const CACHEABLE = [
  'SELECT * FROM loyalty_settings',
  'SELECT * FROM tiers',
  'SELECT * FROM earn_rules',
  'SELECT id, holdout_pct, status, starts_on, ends_on FROM campaigns',
  "SELECT * FROM promotions WHERE status = 'live'",
  'SELECT id, department, category, price_minor, cost_minor FROM products',
];

export function withReadCache(q: Queryable): Queryable {
  const cache = new Map<string, unknown>();
  const key = (sql: string, params?: Params) => (CACHEABLE.some((p) => sql.startsWith(p)) ? `${sql}\u0000${JSON.stringify(params ?? [])}` : null);
  return {
    run: (sql, params) => q.run(sql, params),
    async get<T>(sql: string, params?: Params) {
      const k = key(sql, params);
      if (k === null) return q.get<T>(sql, params);
      if (!cache.has(k)) cache.set(k, await q.get<T>(sql, params));
      return cache.get(k) as T | undefined;
    },
    async all<T>(sql: string, params?: Params) {
      const k = key(sql, params);
      if (k === null) return q.all<T>(sql, params);
      if (!cache.has(k)) cache.set(k, await q.all<T>(sql, params));
      return cache.get(k) as T[];
    },
  };
}
