import { buildCandidateFeatures, FEATURE_COUNT, StoreAggregates, type AggregateBasket, type AggregateOptions } from '../features/index.js';
import type { EvalDataset, SequenceUser } from '../data/types.js';

/**
 * Training and scoring examples for the next-basket protocol. A user's features come from
 * their history only; the store aggregates they see never contain the user's own target.
 */
export interface ExampleSet {
  users: string[];
  maxCandidates: number;
  /** users × maxCandidates × FEATURE_COUNT, zero-padded. */
  features: Float32Array;
  /** users × maxCandidates: 1 when the candidate is in the target basket. */
  labels: Float32Array;
  /** users × maxCandidates: 1 for a real candidate, 0 for padding. */
  mask: Float32Array;
  candidates: string[][];
  /** Distinct items in each user's target basket (recall's denominator). */
  targetSize: Float32Array;
}

/** History baskets of every user, and the target basket of users in `withFuture`. */
export function* aggregateBaskets(ds: EvalDataset, withFuture: ReadonlySet<string>): Generator<AggregateBasket> {
  for (const u of ds.users.values()) {
    for (let j = 0; j < u.history.length; j++) yield { customerId: u.id, basketId: String(j), t: j, items: u.history[j]! };
    if (withFuture.has(u.id)) yield { customerId: u.id, basketId: 'future', t: u.history.length, items: u.future };
  }
}

export function historyOf(u: SequenceUser): { t: number; items: string[] }[] {
  return u.history.map((items, j) => ({ t: j, items }));
}

export function buildExamples(users: readonly SequenceUser[], aggFor: (u: SequenceUser) => StoreAggregates, maxCandidates: number): ExampleSet {
  const F = FEATURE_COUNT;
  const features = new Float32Array(users.length * maxCandidates * F);
  const labels = new Float32Array(users.length * maxCandidates);
  const mask = new Float32Array(users.length * maxCandidates);
  const candidates: string[][] = [];
  const targetSize = new Float32Array(users.length);
  users.forEach((u, row) => {
    targetSize[row] = new Set(u.future).size;
    const built = buildCandidateFeatures(historyOf(u), aggFor(u), { maxCandidates });
    features.set(built.features, row * maxCandidates * F);
    const target = new Set(u.future);
    built.candidates.forEach((id, k) => {
      mask[row * maxCandidates + k] = 1;
      if (target.has(id)) labels[row * maxCandidates + k] = 1;
    });
    candidates.push(built.candidates);
  });
  return { users: users.map((u) => u.id), maxCandidates, features, labels, mask, candidates, targetSize };
}

/**
 * Train-user examples with K-fold aggregates: fold f's users are featurised against
 * aggregates that include every other train user's target but not their own.
 * With cuts > 1, each train user also yields examples whose target is one of their last
 * history baskets (history = the baskets before it), against aggregates from which that
 * fold's baskets from the cut on are removed: more examples, still no leakage.
 */
export function buildTrainExamples(ds: EvalDataset, folds: number, maxCandidates: number, aggOpts: AggregateOptions = {}, cuts = 1): ExampleSet {
  const foldOf = new Map(ds.train.map((id, k) => [id, k % folds]));
  const trainSet = new Set(ds.train);
  const users: SequenceUser[] = [];
  const aggOf = new Map<SequenceUser, StoreAggregates>();
  for (let cut = 0; cut < cuts; cut++) {
    for (let f = 0; f < folds; f++) {
      const fold = ds.train.filter((id) => foldOf.get(id) === f);
      const pseudo = fold
        .map((id) => ds.users.get(id)!)
        .filter((u) => u.history.length - cut >= 1)
        .map((u) => ({ id: cut === 0 ? u.id : `${u.id}#${cut}`, history: u.history.slice(0, u.history.length - cut), future: cut === 0 ? u.future : u.history[u.history.length - cut]! }));
      if (pseudo.length === 0) continue;
      const inFold = new Set(fold);
      const agg = StoreAggregates.build(foldAggregateBaskets(ds, inFold, trainSet, cut), aggOpts);
      for (const u of pseudo) {
        users.push(u);
        aggOf.set(u, agg);
      }
    }
  }
  return buildExamples(users, (u) => aggOf.get(u)!, maxCandidates);
}

function* foldAggregateBaskets(ds: EvalDataset, inFold: ReadonlySet<string>, train: ReadonlySet<string>, cut: number): Generator<AggregateBasket> {
  for (const u of ds.users.values()) {
    const keep = inFold.has(u.id) ? u.history.length - cut : u.history.length;
    for (let j = 0; j < keep; j++) yield { customerId: u.id, basketId: String(j), t: j, items: u.history[j]! };
    if (!inFold.has(u.id) && train.has(u.id)) yield { customerId: u.id, basketId: 'future', t: u.history.length, items: u.future };
  }
}

/** The examples of the users at `rows` (indices into set.users), copied. */
export function subsetExamples(set: ExampleSet, rows: readonly number[]): ExampleSet {
  const M = set.maxCandidates, F = FEATURE_COUNT;
  const out: ExampleSet = {
    users: rows.map((r) => set.users[r]!),
    maxCandidates: M,
    features: new Float32Array(rows.length * M * F),
    labels: new Float32Array(rows.length * M),
    mask: new Float32Array(rows.length * M),
    candidates: rows.map((r) => set.candidates[r]!),
    targetSize: Float32Array.from(rows, (r) => set.targetSize[r]!),
  };
  rows.forEach((r, k) => {
    out.features.set(set.features.subarray(r * M * F, (r + 1) * M * F), k * M * F);
    out.labels.set(set.labels.subarray(r * M, (r + 1) * M), k * M);
    out.mask.set(set.mask.subarray(r * M, (r + 1) * M), k * M);
  });
  return out;
}

/** Mean share of each user's target items found among their candidates. */
export function candidateRecall(set: ExampleSet, targets: readonly (readonly string[])[]): number {
  let sum = 0;
  targets.forEach((t, row) => {
    let hits = 0;
    for (let k = 0; k < set.maxCandidates; k++) hits += set.labels[row * set.maxCandidates + k]!;
    sum += t.length ? hits / new Set(t).size : 0;
  });
  return targets.length ? sum / targets.length : 0;
}

/**
 * Held-out examples for the selection (see train/select.ts): the given train users against
 * aggregates with every history and every other train user's target, as test users see them.
 * Extra-cut rows (ids with '#') are left out.
 */
export function heldOutExamples(ds: EvalDataset, trainUsers: readonly string[], maxCandidates: number): (ids: readonly string[]) => ExampleSet {
  return (ids) => {
    const held = new Set(ids.filter((id) => !id.includes('#')));
    const agg = StoreAggregates.build(aggregateBaskets(ds, new Set(trainUsers.filter((id) => !held.has(id)))));
    return buildExamples([...held].map((id) => ds.users.get(id)!), () => agg, maxCandidates);
  };
}
