import { openSnapshotReader } from '../../platform/db/snapshot-reader.js';
import { basketsByCustomer } from './history-repository.js';
import type { HistoryBasket } from './history-source.js';

/**
 * Every customer's sale baskets, grouped by customer, read from the database file on a
 * read-only connection of the caller's own (the aggregates worker thread): one consistent
 * snapshot for the whole read, the server's connections and event loop untouched. The
 * connection closes when the iteration ends, early or not.
 */
export async function* readHistorySnapshot(dbFile: string, pageSize = 5000): AsyncGenerator<HistoryBasket & { customerId: string }> {
  const reader = await openSnapshotReader(dbFile);
  try {
    yield* basketsByCustomer(reader, pageSize);
  } finally {
    await reader.close();
  }
}
