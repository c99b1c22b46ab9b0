/** The messages between the server and the aggregates worker (aggregates-worker.ts). */
import type { AggregateOptions, TransferableAggregates } from '@vitrina/models/features';

/** Joins a basket's product ids in a chunk: one string per basket clones far faster than an array of strings. */
export const ITEM_SEPARATOR = '\u001f';

export interface WorkerInput {
  options: AggregateOptions;
}

/** Baskets as parallel columns: customer, time (ISO, parsed in the worker), product ids joined. */
export interface BasketChunk {
  type: 'baskets';
  customers: string[];
  at: string[];
  items: string[];
}

export type ToWorker = BasketChunk | { type: 'end' };

export type FromWorker = { type: 'done'; payload: TransferableAggregates; buildMs: number; threadId: number } | { type: 'failed'; message: string };
