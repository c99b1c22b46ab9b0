import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AggregateStats } from '@vitrina/models/features';
import type { HistorySource } from '../purchases/index.js';
import type { RankerChoice } from '@vitrina/models/ranker-choice';
import type { ModelHealth } from './model-adapter.js';
import { RecommendService, type AggregatesHealth, type RankOptions, type Ranked } from './service.js';

/** The model's health and the store aggregates' (a failed refresh shows here while the old ones serve). */
export type RecommenderHealth = ModelHealth & { aggregates: AggregatesHealth };

/** What the rest of the server may ask of the recommender. */
export interface Recommender {
  rank(customerId: string, opts: RankOptions): Promise<Ranked>;
  health(): RecommenderHealth;
  /** The version of what scores (a scan names it): health() without the aggregates' size count, which walks every item. */
  modelVersion(): string | null;
  /** Rebuild the store aggregates now (e.g. after a receipt import), in a worker thread outside tests. */
  refreshAggregates(): Promise<AggregateStats>;
  reloadModel(): Promise<ModelHealth>;
  /** Serves the store's last decision (model lifecycle): its own promoted model or a named baseline. */
  useRanker(choice: RankerChoice): Promise<ModelHealth>;
  /** New receipts arrived: refresh the aggregates soon, at most once per debounce window. */
  receiptsChanged(): void;
  close(): Promise<void>;
}

/** Receipts come in bursts at the tills; one refresh a minute after a burst is enough. */
const REFRESH_AFTER_RECEIPTS_MS = 60_000;

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** A relative MODEL_DIR is tried from the working directory, then from the repository root. */
export function resolveModelDir(dir: string): string {
  if (isAbsolute(dir)) return dir;
  const fromCwd = resolve(dir);
  return existsSync(fromCwd) ? fromCwd : resolve(REPO_ROOT, dir);
}

export interface RecommenderOptions {
  /** A pinned artifact (MODEL_DIR, reference/demo use); empty: the store's own choice only. */
  modelDir: string;
  history: HistorySource;
  /** The store's database file, read by the aggregates worker on its own connection (null: in-memory, builds on the main thread). */
  dbFile?: string | null;
  /** A worker build not finished by then is stopped and fails; the old aggregates keep serving (AGGREGATES_REFRESH_TIMEOUT_MS). */
  refreshTimeoutMs?: number;
  /**
   * Off in tests: no folder watch, no timers; refreshes happen only when asked, and build on
   * the main thread (deterministic, no thread per test). On: builds run in a worker thread.
   */
  background: boolean;
  /** Where to build regardless of `background` (tests of the worker path). */
  buildIn?: 'worker' | 'main';
  log: { warn(obj: unknown, msg: string): void; error(obj: unknown, msg: string): void };
}

/**
 * The recommender: the ONNX model from MODEL_DIR (watched, hot-swapped) over the features of
 * @vitrina/models, with store aggregates refreshed every 10 minutes and after new receipts,
 * each refresh built in a worker thread (aggregates-builder.ts).
 */
export async function createRecommender(opts: RecommenderOptions): Promise<Recommender> {
  const service = await RecommendService.create({
    modelDir: opts.modelDir ? resolveModelDir(opts.modelDir) : null,
    history: opts.history,
    watchModel: opts.background,
    refreshIntervalMs: opts.background ? 10 * 60_000 : 0,
    buildIn: opts.buildIn ?? (opts.background ? 'worker' : 'main'),
    dbFile: opts.dbFile ?? null,
    ...(opts.refreshTimeoutMs ? { workerTimeoutMs: opts.refreshTimeoutMs } : {}),
    // A failed background refresh is tried again after 30 s, 1 min, 2 min … at most every 10 min.
    ...(opts.background ? { retry: { firstMs: 30_000, maxMs: 10 * 60_000 } } : {}),
    onError: (err) => opts.log.error({ err }, 'aggregate refresh failed'),
  });
  const health = service.health();
  if (health.status === 'fallback') opts.log.warn({ reason: health.reason }, 'recommendations use the fallback scorer');
  let pending: NodeJS.Timeout | null = null;
  return {
    receiptsChanged() {
      if (pending || !opts.background) return;
      pending = setTimeout(() => {
        pending = null;
        service.refreshAggregates().catch((err) => opts.log.error({ err }, 'aggregate refresh failed'));
      }, REFRESH_AFTER_RECEIPTS_MS).unref();
    },
    rank: (customerId, rankOpts) => service.rank(customerId, rankOpts),
    health: () => ({ ...service.health(), aggregates: service.aggregatesHealth() }),
    modelVersion: () => service.health().version,
    refreshAggregates: () => service.refreshAggregates(),
    reloadModel: () => service.reloadModel(),
    useRanker: (choice) => service.useRanker(choice),
    async close() {
      if (pending) clearTimeout(pending);
      await service.close();
    },
  };
}
