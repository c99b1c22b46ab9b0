import type { Database } from '../../platform/db/database.js';
import { readTogether, type JsonRead } from '../../platform/db/json-read.js';

/** A domain that reads a shopper's rows on the scan path (customers, purchases, loyalty, offers, promotions). */
export interface ShopperReadSource {
  shopperReads(customerId: string): Array<JsonRead<unknown>>;
}

/**
 * What a shopper's first scan reads from five domains (their row, ledger, spends, baskets,
 * clips, segments, campaign arms), as one statement into the read cache: the domains' own cached
 * reads then find it there. Each domain owns its SQL (its `shopperReads`); this only puts them
 * side by side. Eight trips through the thread pool become one (priority.md, session 9).
 */
export function shopperPrefetch(db: Database, sources: readonly ShopperReadSource[]) {
  return (customerId: string): Promise<void> => readTogether(db, sources.flatMap((s) => s.shopperReads(customerId)));
}
