import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { threadId, Worker } from 'node:worker_threads';
import { fromTransferable, StoreAggregates, type AggregateBasket, type AggregateOptions } from '@vitrina/models/features';
import type { HistorySource } from '../purchases/index.js';
import { ITEM_SEPARATOR, type BasketChunk, type FromWorker, type WorkerInput } from './aggregates-protocol.js';

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
}

/** Baskets per message to the worker: one history page (purchases reads 5,000 a page). */
const CHUNK = 5_000;

const WORKER_FILE = new URL(`./aggregates-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Builds in a worker thread. The main thread only reads the history pages (the SQLite reads run
 * on libuv's pool) and forwards them as column chunks; parsing and the build itself run in the
 * worker; the result arrives with its typed arrays transferred, so taking it is a few
 * milliseconds however big the store. Any failure (a throw in the build, an exit, running out
 * of its heap, a history read error) rejects `result`.
 */
export function buildInWorker(history: HistorySource, opts: WorkerBuildOptions = {}): AggregatesBuild {
  const workerData: WorkerInput = { options: opts.aggregates ?? {} };
  const worker = startWorker(workerData, opts.memoryMb);
  let settled = false;
  const result = new Promise<BuiltAggregates>((resolve, reject) => {
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      reject(err instanceof Error ? err : new Error(String(err)));
      void worker.terminate();
    };
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'failed') return fail(new Error(`aggregate build failed in the worker: ${msg.message}`));
      try {
        const agg = fromTransferable(msg.payload);
        settled = true;
        resolve({ agg, threadId: msg.threadId });
      } catch (err) {
        fail(err);
      }
      void worker.terminate();
    });
    worker.on('error', (err) => fail(new Error(`aggregate worker crashed: ${err.message}`, { cause: err })));
    worker.on('exit', (code) => fail(new Error(`aggregate worker exited (code ${code}) before finishing`)));
    feed(worker, history, () => settled).catch((err) => fail(new Error(`reading the history for the aggregates failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err })));
  });
  return {
    result,
    async stop() {
      await worker.terminate();
    },
  };
}

/** History pages → column chunks → the worker, stopping early if the build already failed. */
async function feed(worker: Worker, history: HistorySource, done: () => boolean): Promise<void> {
  let chunk = emptyChunk();
  for await (const b of history.allBaskets()) {
    if (done()) return;
    chunk.customers.push(b.customerId);
    chunk.at.push(b.at);
    chunk.items.push(b.productIds.join(ITEM_SEPARATOR));
    if (chunk.customers.length === CHUNK) {
      worker.postMessage(chunk);
      chunk = emptyChunk();
      // A history source that answers from memory never leaves the microtask queue: let scans in between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (done()) return;
  if (chunk.customers.length) worker.postMessage(chunk);
  worker.postMessage({ type: 'end' });
}

const emptyChunk = (): BasketChunk => ({ type: 'baskets', customers: [], at: [], items: [] });

/** On the main thread, in slices of CPU between which scans run (tests, seeding: deterministic, no thread). */
export function buildOnMainThread(history: HistorySource, opts: WorkerBuildOptions = {}): AggregatesBuild {
  const result = (async () => {
    const baskets: AggregateBasket[] = [];
    for await (const b of history.allBaskets()) baskets.push({ customerId: b.customerId, basketId: b.basketId, t: Date.parse(b.at), items: b.productIds });
    return { agg: await StoreAggregates.buildAsync(baskets, opts.aggregates), threadId };
  })();
  return { result, stop: async () => undefined };
}

/**
 * The sources are TypeScript run by tsx. Node 20 resolves a worker's entry file before any
 * `--import` loader of the worker is in place, so a .ts entry is loaded through tsx's
 * `tsImport` from a tiny CommonJS bootstrap instead.
 */
function startWorker(input: WorkerInput, memoryMb: number | undefined): Worker {
  const limits = memoryMb ? { resourceLimits: { maxOldGenerationSizeMb: memoryMb } } : {};
  if (!WORKER_FILE.pathname.endsWith('.ts')) return new Worker(WORKER_FILE, { workerData: input, ...limits });
  const tsx = tsxEsmApi();
  const boot = `const { workerData } = require('node:worker_threads');
import(workerData.boot.tsx).then((api) => api.tsImport(workerData.boot.file, workerData.boot.file));`;
  return new Worker(boot, { eval: true, workerData: { ...input, boot: { tsx, file: WORKER_FILE.href } }, ...limits });
}

/** tsx's ESM API (`tsImport`), by the package's own exports map: require.resolve would give its CommonJS build. */
function tsxEsmApi(): string {
  const pkgFile = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return new URL(pkg.exports['./esm/api']!.import.default, pathToFileURL(pkgFile)).href;
}
