import { customerRuns, emptyStats, type BasketSource, type StreamStats } from '../data/basket-stream.js';
import { ModelsError } from '../data/errors.js';
import { seededShuffle } from '../data/random.js';
import { nothingLeftMessage } from '../data/skip-report.js';
import { countSkip, type SequenceUser } from '../data/types.js';
import { buildExamples, type ExampleSet } from '../eval/examples.js';
import { StreamingAggregatesBuilder } from '../features/aggregates-stream.js';
import type { AggregateStats } from '../features/index.js';
import { Reservoir } from './stream-sample.js';

export interface StreamPrepareOptions {
  /** Customers (with enough baskets) drawn as training + validation examples. */
  sampleUsers: number;
  seed: number;
  maxCandidates: number;
  /** Share of the sample kept for validation (epoch choice and the MLP-vs-baseline gate). */
  valShare?: number;
  minBaskets?: number;
  minItemCount?: number;
  log?: (line: string) => void;
  /** Log progress every this many baskets (default 1,000,000). */
  progressEvery?: number;
}

export interface StreamPrepared {
  label: string;
  trainSet: ExampleSet;
  valSet: ExampleSet;
  valFutures: string[][];
  /** Customers with enough baskets (after dropping rare items) in the whole source. */
  customers: number;
  baskets: number;
  rows: number;
  stats: StreamStats;
  aggregates: AggregateStats;
  seconds: { pass1: number; pass2: number; features: number };
}

/**
 * Chain-scale training data in two streaming passes over the source, never holding the whole
 * history:
 * 1. count each item's baskets (for the protocol's rare-item rule) and draw a reservoir sample
 *    of customers with enough baskets;
 * 2. apply the protocol (rare items dropped, customers with too few baskets skipped, baskets in
 *    time order) customer by customer, feed every customer's baskets to the streaming
 *    aggregates — except the sampled customers' last basket, which is their target — and keep
 *    only the sampled customers' histories.
 * Every sampled customer's features then see aggregates without their own target (no leakage,
 * like the K-fold aggregates of the in-memory path), and memory is O(items + sample), plus the
 * pair-count input of the aggregates (each customer's latest 50 baskets as int32s).
 */
export async function prepareStreamTraining(source: BasketSource, opts: StreamPrepareOptions): Promise<StreamPrepared> {
  const minBaskets = opts.minBaskets ?? 3;
  const minItemCount = opts.minItemCount ?? 3;
  const log = opts.log ?? (() => {});
  let started = Date.now();
  // A long pass says how far it is every million baskets (rows, seconds, resident memory).
  const every = opts.progressEvery ?? 1_000_000;
  const progress = (pass: number, basketsSoFar: number, rows: number) => {
    if (basketsSoFar % every !== 0) return;
    const rss = Math.round(process.memoryUsage.rss() / 1048576);
    log(`pass ${pass}: ${basketsSoFar.toLocaleString('en-US')} baskets, ${rows.toLocaleString('en-US')} rows, ${((Date.now() - started) / 1000).toFixed(0)} s, rss ${rss} MB`);
  };

  const itemCount = new Map<string, number>();
  const reservoir = new Reservoir(opts.sampleUsers, opts.seed);
  const first = emptyStats();
  let baskets = 0;
  for await (const run of customerRuns(source.open(first))) {
    for (let k = 0; k < run.baskets.length; k++) progress(1, ++baskets, first.rows);
    for (const b of run.baskets) for (const i of b.items) itemCount.set(i, (itemCount.get(i) ?? 0) + 1);
    if (run.baskets.length >= minBaskets) reservoir.offer(run.customerId);
  }
  const pass1 = (Date.now() - started) / 1000;
  log(`pass 1: ${first.rows.toLocaleString('en-US')} rows, ${baskets.toLocaleString('en-US')} baskets, ${itemCount.size.toLocaleString('en-US')} items, sampled ${reservoir.ids.length} of ${reservoir.offered.toLocaleString('en-US')} customers with ${minBaskets}+ baskets (${pass1.toFixed(1)} s)`);

  started = Date.now();
  const sampled = new Set(reservoir.ids);
  const users: SequenceUser[] = [];
  const builder = new StreamingAggregatesBuilder();
  const stats = emptyStats();
  let customers = 0;
  let seen = 0;
  for await (const run of customerRuns(source.open(stats))) {
    for (let k = 0; k < run.baskets.length; k++) progress(2, ++seen, stats.rows);
    // Time order, ties in arrival order (Array.prototype.sort is stable), as the in-memory path.
    const kept = run.baskets
      .sort((a, b) => a.t - b.t)
      .map((b) => b.items.filter((i) => (itemCount.get(i) ?? 0) >= minItemCount))
      .filter((items) => items.length > 0);
    if (kept.length < minBaskets) {
      const n = kept.length;
      countSkip(stats.skipped, `customer_fewer_than_${minBaskets}_baskets`, stats.skipExamples, `${run.customerId} (${n} basket${n === 1 ? '' : 's'})`);
      continue;
    }
    customers++;
    const isSampled = sampled.has(run.customerId);
    const fed = isSampled ? kept.length - 1 : kept.length;
    for (let j = 0; j < fed; j++) builder.add({ customerId: run.customerId, basketId: String(j), t: j, items: kept[j]! });
    if (isSampled) users.push({ id: run.customerId, history: kept.slice(0, -1), future: kept[kept.length - 1]! });
  }
  const aggregates = builder.finish();
  const pass2 = (Date.now() - started) / 1000;
  log(`pass 2: ${customers.toLocaleString('en-US')} customers kept, aggregates ${JSON.stringify(aggregates.stats())} (${pass2.toFixed(1)} s)`);

  const valShare = opts.valShare ?? 0.08;
  const ids = seededShuffle(users.map((u) => u.id).sort(), opts.seed);
  const nVal = Math.round(ids.length * valShare);
  if (ids.length - nVal < 1 || nVal < 1) {
    throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', nothingLeftMessage(source.label, stats.rows, baskets, stats.skipped, stats.skipExamples, customers, 7));
  }
  started = Date.now();
  const byId = new Map(users.map((u) => [u.id, u]));
  const valUsers = ids.slice(0, nVal).map((id) => byId.get(id)!);
  const trainUsers = ids.slice(nVal).map((id) => byId.get(id)!);
  const trainSet = buildExamples(trainUsers, () => aggregates, opts.maxCandidates);
  const valSet = buildExamples(valUsers, () => aggregates, opts.maxCandidates);
  const features = (Date.now() - started) / 1000;
  log(`features: ${trainUsers.length} train / ${valUsers.length} validation customers × ${opts.maxCandidates} candidates (${features.toFixed(1)} s)`);
  return {
    label: source.label,
    trainSet,
    valSet,
    valFutures: valUsers.map((u) => u.future),
    customers,
    baskets,
    rows: stats.rows,
    stats,
    aggregates: aggregates.stats(),
    seconds: { pass1, pass2, features },
  };
}
