import { buildCandidateFeatures, popularItems, StoreAggregates, type AggregateBasket, type AggregateOptions, type AggregateStats } from '@vitrina/models/features';
import type { HistorySource } from '../purchases/index.js';
import type { RankerChoice } from '@vitrina/models/ranker-choice';
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
  onError?: (err: unknown) => void;
}

/**
 * Ranks products for one shopper: their history → candidates and features (the models
 * package's code) → the ONNX model, or the fallback scorer while no valid model is loaded.
 * Store aggregates are rebuilt in the background and swapped in one assignment, so a rank()
 * always sees one consistent set.
 */
export class RecommendService {
  private agg: StoreAggregates;
  private refreshing: Promise<AggregateStats> | null = null;
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly model: ModelAdapter,
    private readonly opts: RecommendServiceOptions,
    agg: StoreAggregates,
  ) {
    this.agg = agg;
  }

  static async create(opts: RecommendServiceOptions): Promise<RecommendService> {
    const [model, agg] = await Promise.all([ModelAdapter.open(opts.modelDir, { watch: opts.watchModel ?? true, history: opts.history }), buildAggregates(opts.history, opts.aggregates)]);
    const service = new RecommendService(model, opts, agg);
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
    const scores = (await this.model.score(built.features, built.candidates.length)) ?? this.model.scoreWithoutModel(history, agg, built.candidates);
    const ranked: Ranked = built.candidates.map((productId, k) => ({ productId, score: scores[k]! }));
    ranked.sort((a, b) => b.score - a.score);
    return withUnknownLast(ranked, opts.candidates).slice(0, opts.limit);
  }

  health(): ModelHealth {
    return this.model.health();
  }

  reloadModel(): Promise<ModelHealth> {
    return this.model.reload();
  }

  /** Serves the store's decision: its promoted model or a named baseline (hot-swapped). */
  useRanker(choice: RankerChoice): Promise<ModelHealth> {
    return this.model.use(choice);
  }

  /** Rebuilds the aggregates from all receipts and swaps them in; concurrent calls share one build. */
  refreshAggregates(): Promise<AggregateStats> {
    this.refreshing ??= buildAggregates(this.opts.history, this.opts.aggregates)
      .then((agg) => {
        this.agg = agg;
        return agg.stats();
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  aggregateStats(): AggregateStats {
    return this.agg.stats();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.refreshing?.catch(() => undefined);
    await this.model.close();
  }
}

async function buildAggregates(history: HistorySource, opts?: AggregateOptions): Promise<StoreAggregates> {
  const baskets: AggregateBasket[] = [];
  for await (const b of history.allBaskets()) baskets.push({ customerId: b.customerId, basketId: b.basketId, t: Date.parse(b.at), items: b.productIds });
  return StoreAggregates.buildAsync(baskets, opts);
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
