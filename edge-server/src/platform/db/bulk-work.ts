import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Set while `Database.bulkWork(fn)` runs `fn` (and everything `fn` starts, through the async
 * context): every write submitted in it waits in the write queue's bulk lane.
 */
export const inBulkWork = new AsyncLocalStorage<true>();
