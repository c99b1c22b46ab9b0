import { buildCandidateFeatures, popularItems, repeatFirstScores, type AggregateOptions, type AggregateStats, type StoreAggregates } from '@vitrina/models/features';
import type { HistorySource } from '../purchases/index.js';
import type { RankerChoice } from '@vitrina/models/ranker-choice';
import { buildInWorker, buildOnMainThread, type AggregatesBuild, type BuiltAggregates } from './aggregates-builder.js';
import { ModelAdapter, type ModelHealth } from './model-adapter.js';

export interface RankOptions {
  limit: number;
  /** False without profiling consent: the ranking must not use the shopper's history. */
  personalized: boolean;
  /** Score exactly these products (e.g. those with live offers) instead of generating candidates. */
  candidates?: string[];
}
export type Ranked = Array<{ productId: string; score: number }>;

export interface RecommendServiceOptions {
  /** A pinned artifact, or null: serve the store's ranker choice (`useRanker`), a baseline until it has one. */
  modelDir: string | null;
  history: HistorySource;
  /** Background aggregate refresh period; 0 turns the timer off (refresh on demand only). */
  refreshIntervalMs?: number;
  maxCandidates?: number;
  watchModel?: boolean;
  aggregates?: AggregateOptions;
  /**
   * Where the aggregates are built: 'worker' (the server: a worker thread, the event loop stays
   * free) or 'main' (tests and seeding: in-process, deterministic). Default 'worker'.
   */
  buildIn?: 'worker' | 'main';
  /** The store's database file the build worker reads itself; null (an in-memory database): builds run on the main thread. */
  dbFile?: string | null;
  /** Heap cap of the build worker in MB (bounded memory; a build that needs more fails and is reported). */
  workerMemoryMb?: number;
  /** A worker build not finished by then is stopped and counts as failed (default 5 min). */
  workerTimeoutMs?: number;
  /** Another worker entry (tests: one that hangs or throws). */
  workerEntry?: URL;
  /**
   * After a failed refresh, try again after `firstMs`, doubling up to `maxMs` until one
   * succeeds. Off when absent (tests that count builds).
   */
  retry?: { firstMs: number; maxMs: number };
  onError?: (err: unknown) => void;
}

/** The aggregates part of the recommender's health: what is served and how the last refresh went. */
export interface AggregatesHealth {
  builtAt: string;
  customers: number;
  items: number;
  baskets: number;
  refreshing: boolean;
  /** The thread that built the served aggregates: 0 is the main thread (tests), a worker's id otherwise. */
  builtInThread: number;
  lastRefreshMs: number | null;
  /** Why the last refresh failed (the previous aggregates kept serving); null after a good one. */
  lastError: string | null;
  /** Refreshes failed in a row since the last good one. */
  failuresInRow: number;
  /** When the next retry after a failure runs (ISO), or null. */
  nextRetryAt: string | null;
}

/**
 * Ranks products for one shopper: their history → candidates and features (the models
 * package's code) → the ONNX model, or the fallback scorer while no valid model is loaded.
 * Store aggregates are rebuilt in the background and swapped in one assignment, so a rank()
 * always sees one consistent set.
 */
export class RecommendService {
  private agg: StoreAggregates;
  private builtAt = new Date();
  private builtInThread: number;
  private lastRefreshMs: number | null = null;
  private lastError: string | null = null;
  /** The refresh running now, and the one queued behind it (every request made meanwhile shares it). */
  private running: Promise<AggregateStats> | null = null;
  private queued: Promise<AggregateStats> | null = null;
  private build: AggregatesBuild | null = null;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private failuresInRow = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private nextRetryAt: Date | null = null;

  private constructor(
    private readonly model: ModelAdapter,
    private readonly opts: RecommendServiceOptions,
    built: BuiltAggregates,
  ) {
    this.agg = built.agg;
    this.builtInThread = built.threadId;
  }

  static async create(opts: RecommendServiceOptions): Promise<RecommendService> {
    // With nothing to serve yet, a failed first worker build falls back to the main thread (the
    // server must start); the failure still shows in health and the next refresh uses a worker.
    let firstFailure: unknown = null;
    const first = startBuild(opts).result.catch((err: unknown) => {
      firstFailure = err;
      opts.onError?.(err);
      return buildOnMainThread(opts.history, opts.aggregates ? { aggregates: opts.aggregates } : {}).result;
    });
    const [model, built] = await Promise.all([ModelAdapter.open(opts.modelDir, { watch: opts.watchModel ?? true, history: opts.history }), first]);
    const service = new RecommendService(model, opts, built);
    if (firstFailure) {
      service.lastError = firstFailure instanceof Error ? firstFailure.message : String(firstFailure);
      service.failuresInRow = 1;
      service.scheduleRetry();
    }
    const every = opts.refreshIntervalMs ?? 10 * 60_000;
    if (every > 0) {
      service.timer = setInterval(() => void service.refreshAggregates().catch((err) => opts.onError?.(err)), every);
      service.timer.unref();
    }
    return service;
  }

  async rank(customerId: string, opts: RankOptions): Promise<Ranked> {
    const agg = this.agg;
    if (!opts.personalized) return nonPersonal(agg, opts);
    const history = (await this.opts.history.basketsOf(customerId)).map((b) => ({ t: Date.parse(b.at), items: b.productIds }));
    const built = buildCandidateFeatures(history, agg, { maxCandidates: this.opts.maxCandidates ?? 300, ...(opts.candidates ? { only: opts.candidates } : {}) });
    const scored = await this.model.score(built.features, built.candidates.length);
    // Repeat-first (the decision's mode): a re-sort of the scores already computed, no extra reads.
    const scores = !scored
      ? this.model.scoreWithoutModel(history, agg, built.candidates)
      : scored.repeatFirst === null
        ? scored.scores
        : repeatFirstScores(built.candidates, scored.scores, history, agg, scored.repeatFirst);
    const ranked: Ranked = built.candidates.map((productId, k) => ({ productId, score: scores[k]! }));
    ranked.sort((a, b) => b.score - a.score);
    return withUnknownLast(ranked, opts.candidates).slice(0, opts.limit);
  }

  health(): ModelHealth {
    return this.model.health();
  }

  aggregatesHealth(): AggregatesHealth {
    const s = this.agg.stats();
    return { builtAt: this.builtAt.toISOString(), customers: s.customers, items: s.items, baskets: s.baskets, refreshing: this.running !== null, builtInThread: this.builtInThread, lastRefreshMs: this.lastRefreshMs, lastError: this.lastError,
      failuresInRow: this.failuresInRow, nextRetryAt: this.nextRetryAt?.toISOString() ?? null };
  }

  reloadModel(): Promise<ModelHealth> {
    return this.model.reload();
  }

  /** Serves the store's decision: its promoted model or a named baseline (hot-swapped). */
  useRanker(choice: RankerChoice): Promise<ModelHealth> {
    return this.model.use(choice);
  }

  /**
   * Rebuilds the aggregates from all receipts and swaps them in with one assignment (a rank()
   * holds the set it started with). One build at a time: asked while one runs, the caller
   * gets the build that starts right after it (its history read may have missed the receipts
   * that prompted the call); every caller in the meantime shares that one. A failed build
   * rejects, is kept in aggregatesHealth().lastError, and the previous aggregates keep serving.
   */
  refreshAggregates(): Promise<AggregateStats> {
    if (this.closed) return Promise.reject(new Error('the recommender is closed'));
    if (!this.running) return this.startRefresh();
    this.queued ??= this.running.then(
      () => this.afterQueue(),
      () => this.afterQueue(),
    );
    return this.queued;
  }

  private afterQueue(): Promise<AggregateStats> {
    this.queued = null;
    return this.closed ? Promise.reject(new Error('the recommender is closed')) : this.startRefresh();
  }

  private startRefresh(): Promise<AggregateStats> {
    const started = performance.now();
    const build = startBuild(this.opts);
    this.build = build;
    const run = build.result.then(
      ({ agg, threadId }) => {
        this.agg = agg;
        this.builtInThread = threadId;
        this.builtAt = new Date();
        this.lastRefreshMs = Math.round(performance.now() - started);
        this.lastError = null;
        this.failuresInRow = 0;
        this.cancelRetry();
        return agg.stats();
      },
      (err: unknown) => {
        this.lastError = err instanceof Error ? err.message : String(err);
        this.failuresInRow++;
        this.scheduleRetry();
        throw err;
      },
    );
    this.running = run.finally(() => {
      this.running = null;
      this.build = null;
    });
    return this.running;
  }

  /** A failed refresh is tried again with backoff (the old aggregates serve meanwhile). */
  private scheduleRetry(): void {
    const retry = this.opts.retry;
    if (!retry || this.closed) return;
    this.cancelRetry();
    const wait = Math.min(retry.maxMs, retry.firstMs * 2 ** (this.failuresInRow - 1));
    this.nextRetryAt = new Date(Date.now() + wait);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.nextRetryAt = null;
      // A failure is reported by onError and schedules the next retry itself.
      this.refreshAggregates().catch((err) => this.opts.onError?.(err));
    }, wait);
    this.retryTimer.unref();
  }

  private cancelRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.nextRetryAt = null;
  }

  aggregateStats(): AggregateStats {
    return this.agg.stats();
  }

  /** Stops the timer and any build in progress (its worker is terminated), then the model. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.cancelRetry();
    await this.build?.stop();
    await this.running?.catch(() => undefined);
    await this.queued?.catch(() => undefined);
    await this.model.close();
  }
}

/** In a worker when asked and the database is a file it can open; on the main thread otherwise. */
function startBuild(opts: RecommendServiceOptions): AggregatesBuild {
  const dbFile = opts.dbFile && opts.dbFile !== ':memory:' ? opts.dbFile : null;
  if ((opts.buildIn ?? 'worker') === 'main' || !dbFile) return buildOnMainThread(opts.history, { ...(opts.aggregates ? { aggregates: opts.aggregates } : {}) });
  return buildInWorker(dbFile, {
    ...(opts.aggregates ? { aggregates: opts.aggregates } : {}),
    ...(opts.workerMemoryMb ? { memoryMb: opts.workerMemoryMb } : {}),
    ...(opts.workerTimeoutMs ? { timeoutMs: opts.workerTimeoutMs } : {}),
    ...(opts.workerEntry ? { entry: opts.workerEntry } : {}),
  });
}

/** Without profiling consent: store popularity only (asked-for products scored by it too). */
function nonPersonal(agg: StoreAggregates, opts: RankOptions): Ranked {
  if (!opts.candidates) return popularItems(agg, opts.limit);
  const ranked = opts.candidates
    .filter((id, k, all) => all.indexOf(id) === k && agg.index.has(id))
    .map((productId) => {
      const i = agg.index.get(productId)!;
      return { productId, score: (agg.popLast[i]! + 1) / (agg.nCustomers + 1) + 1 / (2 + agg.rankAll[i]!) / (agg.nCustomers + 1) };
    })
    .sort((a, b) => b.score - a.score);
  return withUnknownLast(ranked, opts.candidates).slice(0, opts.limit);
}

/** Asked-for products the store has never sold still come back, below every scored one. */
function withUnknownLast(ranked: Ranked, asked?: readonly string[]): Ranked {
  if (!asked) return ranked;
  const have = new Set(ranked.map((r) => r.productId));
  const floor = ranked.length ? Math.min(...ranked.map((r) => r.score)) - 1 : 0;
  for (const id of new Set(asked)) if (!have.has(id)) ranked.push({ productId: id, score: floor });
  return ranked;
}
