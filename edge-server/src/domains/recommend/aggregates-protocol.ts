/** The messages between the server and the aggregates worker (aggregates-worker.ts). */
import type { AggregateOptions, TransferableAggregates } from '@vitrina/models/features';

/** What a worker is started with: where to read, how to build, how nice to be. */
export interface WorkerInput {
  /** The store's database file; the worker opens its own read-only connection to it. */
  dbFile: string;
  options: AggregateOptions;
  /** Nice value the worker thread sets for itself (Linux: per thread), so scans keep a core. */
  niceness: number;
  /** Baskets per history page (tests make it small to read in many pages). */
  pageSize?: number;
}

/** The only message a worker sends: the finished aggregates (typed arrays transferred), or why it failed. */
export type FromWorker =
  | {
      type: 'done';
      /** The aggregates without `itemIds` and `index`: those come as `itemIds` (item-index.ts). */
      payload: TransferableAggregates;
      /** The item ids packed into one string (an array if an id held the separator); the server rebuilds `index` from them. */
      itemIds: string | string[];
      items: number;
      readMs: number;
      buildMs: number;
      baskets: number;
      threadId: number;
    }
  | { type: 'failed'; message: string };
