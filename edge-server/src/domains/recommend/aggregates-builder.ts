import { threadId } from 'node:worker_threads';
import { fromTransferable, StreamingAggregatesBuilder, type AggregateOptions, type StoreAggregates } from '@vitrina/models/features';
import type { HistorySource } from '../purchases/index.js';
import type { FromWorker, WorkerInput } from './aggregates-protocol.js';
import { indexInSlices, unpackItemIds } from './item-index.js';
import { startWorker } from '../../platform/worker/start-worker.js';

/** Built aggregates and the thread that built them (health shows it; 0 is the main thread). */
export interface BuiltAggregates {
  agg: StoreAggregates;
  threadId: number;
}

/** One aggregates build in progress: its result, and a way to stop it (shutdown). */
export interface AggregatesBuild {
  result: Promise<BuiltAggregates>;
  stop(): Promise<void>;
}

export interface WorkerBuildOptions {
  aggregates?: AggregateOptions;
  /** Old-generation heap cap of the worker; a build that needs more fails (and the old aggregates keep serving). */
  memoryMb?: number;
  /** A build not finished by then is stopped and fails: a hung worker cannot hold the refresh forever. */
  timeoutMs?: number;
  /** Nice value of the worker thread (0–19; default 10): lower CPU priority than the server's scans. */
  niceness?: number;
  /** Another entry file (tests: a worker that hangs or throws). */
  entry?: URL;
  /** Baskets per history page (default 5,000; tests read in many small pages). */
  pageSize?: number;
}

/** A refresh that takes longer than this has hung (a 100k-customer store builds in seconds). */
export const DEFAULT_BUILD_TIMEOUT_MS = 5 * 60_000;
const DEFAULT_NICENESS = 10;

const WORKER_FILE = new URL(`./aggregates-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Builds in a worker thread that reads the database file itself (its own read-only connection,
 * one snapshot) and streams the history into the aggregates; the result arrives with its typed
 * arrays transferred, so taking it costs the server's thread a few milliseconds however big
 * the store, and nothing per row. Any failure — a throw in the worker (a read error included),
 * its exit, running out of its heap, or no answer within `timeoutMs` — rejects `result` and
 * terminates the worker.
 */
export function buildInWorker(dbFile: string, opts: WorkerBuildOptions = {}): AggregatesBuild {
  const input: WorkerInput = { dbFile, options: opts.aggregates ?? {}, niceness: opts.niceness ?? DEFAULT_NICENESS, ...(opts.pageSize ? { pageSize: opts.pageSize } : {}) };
  const worker = startWorker(opts.entry ?? WORKER_FILE, input, opts.memoryMb ? { maxOldGenerationSizeMb: opts.memoryMb } : undefined);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_BUILD_TIMEOUT_MS;
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  const result = new Promise<BuiltAggregates>((resolve, reject) => {
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(err);
      void worker.terminate();
    };
    timer = setTimeout(() => fail(new Error(`aggregate worker timed out after ${timeoutMs} ms; stopped`)), timeoutMs);
    timer.unref();
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'failed') return fail(new Error(`aggregate build failed in the worker: ${msg.message}`));
      // The worker's part is done: it may go (its exit no longer fails the build), the timeout with it.
      clearTimeout(timer);
      worker.removeAllListeners('exit');
      void worker.terminate();
      restore(msg).then(
        (agg) => {
          if (settled) return;
          settled = true;
          resolve({ agg, threadId: msg.threadId });
        },
        (err: unknown) => fail(err instanceof Error ? err : new Error(String(err))),
      );
    });
    worker.on('error', (err) => fail(new Error(`aggregate worker crashed: ${err.message}`, { cause: err })));
    worker.on('exit', (code) => fail(new Error(`aggregate worker exited (code ${code}) before finishing`)));
  });
  return {
    result,
    async stop() {
      await worker.terminate();
    },
  };
}

/**
 * The worker's answer as StoreAggregates: the typed arrays are the transferred ones; the item ids
 * arrive packed and the id → index map is rebuilt in slices (item-index.ts), so taking a
 * refresh never holds the event loop for long however many items the store sells. The result
 * is one object, swapped in by the caller with one assignment.
 */
async function restore(msg: Extract<FromWorker, { type: 'done' }>): Promise<StoreAggregates> {
  const itemIds = unpackItemIds(msg.itemIds, msg.items);
  const index = await indexInSlices(itemIds);
  return fromTransferable({ ...msg.payload, fields: { ...msg.payload.fields, itemIds, index } });
}

/**
 * On the main thread (tests, seeding, an in-memory database a worker cannot open): the same
 * history query through `HistorySource.allBaskets` and the same streaming builder as the
 * worker, so both give identical aggregates. The history pages let the event loop run between
 * them; the final pair counting runs in one go.
 */
export function buildOnMainThread(history: HistorySource, opts: WorkerBuildOptions = {}): AggregatesBuild {
  const result = (async () => {
    const builder = new StreamingAggregatesBuilder(opts.aggregates);
    for await (const b of history.allBaskets()) builder.add({ customerId: b.customerId, basketId: '', t: Date.parse(b.at), items: b.productIds });
    return { agg: builder.finish(), threadId };
  })();
  return { result, stop: async () => undefined };
}

