import * as tf from '@tensorflow/tfjs-core';
import cliProgress from 'cli-progress';
import { FEATURE_COUNT } from '../features/index.js';
import { seededRandom } from '../data/random.js';
import type { ExampleSet } from '../eval/examples.js';
import { ensureBackend, featureMoments, MlpRanker, type RankerWeights } from './mlp.js';
import { mergeEnsemble } from './ensemble.js';

export interface TrainOptions {
  hidden: number[];
  epochs: number;
  learningRate: number;
  batchUsers: number;
  /** Candidates per user per step: all positives plus sampled negatives. */
  listSize: number;
  seed: number;
  progress: boolean;
  /** MLPs trained with seeds seed, seed + 1000, …; their mean is the ranker (exported as one wider MLP). Default 1. */
  ensemble?: number;
  /**
   * 'softmax' (default): listwise softmax cross-entropy. 'lambdarank': pairwise logistic loss on
   * (bought, not bought) pairs weighted by the |ΔNDCG| of swapping them at the current ranks.
   * 'softmax+lambdarank': the sum of both.
   */
  loss?: RankingLoss;
  /** Truncation of the ΔNDCG weights (10: NDCG@10; 0: the whole list). */
  lambdaK?: number;
}

export type RankingLoss = 'softmax' | 'lambdarank' | 'softmax+lambdarank';

/**
 * 32 → 16: a 64 → 32 MLP was +0.0015 ± 0.0015 NDCG@10 on Ta-Feng's validation users (noise), cost
 * ~3× the training CPU and 2.7× the multiply-adds per scored candidate, and was worse on Complete
 * Journey (REPORT.md, "64 → 32 not adopted"); `--hidden 64,32` still trains it.
 */
export const TRAIN_DEFAULTS: TrainOptions = { hidden: [32, 16], epochs: 12, learningRate: 0.003, batchUsers: 128, listSize: 96, seed: 7, progress: true };

export interface TrainResult {
  weights: RankerWeights;
  ranker: MlpRanker;
  bestEpoch: number;
  valNdcg10: number;
  epochs: { epoch: number; loss: number; valNdcg10: number }[];
  /** Validation NDCG@10 of the weights averaged over the second half of the epochs (kept when it beats the best epoch). */
  averagedNdcg10?: number;
}

/** Features per candidate row of a set (FEATURE_COUNT for every set the package builds). */
function featureWidth(set: ExampleSet): number {
  const rows = set.users.length * set.maxCandidates;
  return rows > 0 ? set.features.length / rows : FEATURE_COUNT;
}

/** Per-user NDCG@10 over candidates (IDCG over the whole target) — the selection metric. */
export function candidateNdcg10PerUser(set: ExampleSet, scores: Float32Array): Float64Array {
  const M = set.maxCandidates;
  const out = new Float64Array(set.users.length);
  for (let u = 0; u < set.users.length; u++) {
    const idx: number[] = [];
    for (let k = 0; k < M; k++) if (set.mask[u * M + k]) idx.push(k);
    idx.sort((a, b) => scores[u * M + b]! - scores[u * M + a]! || a - b);
    let dcg = 0, idcg = 0;
    for (let r = 0; r < Math.min(10, idx.length); r++) if (set.labels[u * M + idx[r]!]) dcg += 1 / Math.log2(r + 2);
    for (let r = 0; r < set.targetSize[u]!; r++) idcg += 1 / Math.log2(r + 2);
    out[u] = idcg ? dcg / idcg : 0;
  }
  return out;
}

export function candidateNdcg10(set: ExampleSet, scores: Float32Array): number {
  const per = candidateNdcg10PerUser(set, scores);
  return per.length ? per.reduce((s, v) => s + v, 0) / per.length : 0;
}

/** Trains `opts.ensemble` MLPs (seeds seed, seed + 1000, …) and merges them into one ranker scoring their mean. */
export async function trainRanker(train: ExampleSet, val: ExampleSet, opts: TrainOptions = TRAIN_DEFAULTS): Promise<TrainResult> {
  const k = Math.max(1, opts.ensemble ?? 1);
  if (k === 1) return trainOne(train, val, opts);
  const members: TrainResult[] = [];
  for (let e = 0; e < k; e++) members.push(await trainOne(train, val, { ...opts, seed: opts.seed + 1000 * e }));
  for (const m of members) m.ranker.dispose();
  const weights = mergeEnsemble(members.map((m) => m.weights));
  const ranker = new MlpRanker(featureWidth(train), opts.hidden.map((h) => h * k), weights.mean, weights.std, opts.seed);
  ranker.setWeights(weights);
  const valNdcg10 = candidateNdcg10(val, ranker.predict(val.features, val.users.length * val.maxCandidates));
  return { weights, ranker, bestEpoch: Math.max(...members.map((m) => m.bestEpoch)), valNdcg10, epochs: members.flatMap((m) => m.epochs) };
}

/**
 * Listwise training (softmax cross-entropy over each user's candidate list, the target spread
 * evenly over the items they bought), Adam, seeded init and sampling. Kept: the epoch with the
 * best validation NDCG@10, or the mean of the weights after each epoch of the second half
 * (stochastic weight averaging) when that scores higher on the validation users — the average
 * smooths the epoch-to-epoch wobble that picking one epoch on validation users rides on.
 */
async function trainOne(train: ExampleSet, val: ExampleSet, opts: TrainOptions): Promise<TrainResult> {
  await ensureBackend();
  const F = featureWidth(train), M = train.maxCandidates, S = opts.listSize;
  const { mean, std } = featureMoments(train.features, train.mask, F);
  const ranker = new MlpRanker(F, opts.hidden, mean, std, opts.seed);
  const optimizer = tf.train.adam(opts.learningRate);
  const rand = seededRandom(opts.seed + 1);
  const usable: number[] = [];
  for (let u = 0; u < train.users.length; u++) {
    let pos = 0;
    for (let k = 0; k < M; k++) pos += train.labels[u * M + k]!;
    if (pos > 0) usable.push(u);
  }
  const steps = Math.ceil(usable.length / opts.batchUsers);
  const bar = opts.progress ? new cliProgress.SingleBar({ format: 'train [{bar}] {percentage}% | epoch {epoch} | loss {loss} | val ndcg@10 {val}' }, cliProgress.Presets.shades_classic) : null;
  bar?.start(opts.epochs * steps, 0, { epoch: 1, loss: '-', val: '-' });
  const log: TrainResult['epochs'] = [];
  let best = { ndcg: -1, epoch: 0, weights: ranker.weights() };
  const averaged = new WeightAverage();
  const x = new Float32Array(opts.batchUsers * S * F), y = new Float32Array(opts.batchUsers * S), m = new Float32Array(opts.batchUsers * S);
  const lossKind = opts.loss ?? 'softmax';
  const pairWeights = lossKind === 'softmax' ? null : new Float32Array(opts.batchUsers * S * S);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = usable.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [usable[i], usable[j]] = [usable[j]!, usable[i]!];
    }
    let lossSum = 0;
    for (let s = 0; s < steps; s++) {
      const batch = usable.slice(s * opts.batchUsers, (s + 1) * opts.batchUsers);
      x.fill(0); y.fill(0); m.fill(0);
      batch.forEach((u, bi) => {
        const pos: number[] = [], neg: number[] = [];
        for (let k = 0; k < M; k++) if (train.mask[u * M + k]) (train.labels[u * M + k] ? pos : neg).push(k);
        for (let i = neg.length - 1; i > 0; i--) {
          const j = Math.floor(rand() * (i + 1));
          [neg[i], neg[j]] = [neg[j]!, neg[i]!];
        }
        const pick = pos.slice(0, S).concat(neg.slice(0, Math.max(0, S - pos.length)));
        pick.forEach((k, slot) => {
          const row = bi * S + slot;
          x.set(train.features.subarray((u * M + k) * F, (u * M + k + 1) * F), row * F);
          y[row] = train.labels[u * M + k]!;
          m[row] = 1;
        });
      });
      const B = batch.length;
      // ΔNDCG weights from the current scores (a forward pass outside the gradient).
      if (pairWeights) lambdaPairWeights(ranker.predict(x.subarray(0, B * S * F), B * S), y, m, B, S, opts.lambdaK ?? 10, pairWeights);
      const loss = optimizer.minimize(() => tf.tidy(() => {
        const logits = tf.reshape(ranker.forward(tf.tensor2d(x.subarray(0, B * S * F), [B * S, F])), [B, S]);
        let total: tf.Scalar = tf.scalar(0);
        if (lossKind !== 'lambdarank') {
          const mask = tf.tensor2d(m.subarray(0, B * S), [B, S]);
          const labels = tf.tensor2d(y.subarray(0, B * S), [B, S]);
          const masked = tf.add(logits, tf.mul(tf.sub(1, mask), -1e4));
          const target = tf.div(labels, tf.sum(labels, 1, true));
          total = tf.add(total, tf.neg(tf.mean(tf.sum(tf.mul(target, tf.logSoftmax(masked)), 1))));
        }
        if (pairWeights) {
          // softplus(−(s_i − s_j)) = −log σ(s_i − s_j) for bought i over not-bought j, weighted.
          const diff = tf.sub(tf.expandDims(logits, 2), tf.expandDims(logits, 1));
          const w = tf.tensor3d(pairWeights.subarray(0, B * S * S), [B, S, S]);
          total = tf.add(total, tf.div(tf.sum(tf.mul(w, tf.softplus(tf.neg(diff)))), B));
        }
        return total;
      }), true, ranker.vars.flatMap((v) => [v.w, v.b]));
      lossSum += (await loss!.data())[0]!;
      loss!.dispose();
      bar?.increment(1, { epoch, loss: (lossSum / (s + 1)).toFixed(4) });
    }
    const ndcg = candidateNdcg10(val, ranker.predict(val.features, val.users.length * val.maxCandidates));
    log.push({ epoch, loss: lossSum / steps, valNdcg10: ndcg });
    bar?.update({ val: ndcg.toFixed(4) });
    if (ndcg > best.ndcg) best = { ndcg, epoch, weights: ranker.weights() };
    if (epoch > opts.epochs / 2) averaged.add(ranker.weights());
  }
  bar?.stop();
  optimizer.dispose();
  let averagedNdcg10: number | undefined;
  if (averaged.count > 1) {
    const mean = averaged.mean();
    ranker.setWeights(mean);
    averagedNdcg10 = candidateNdcg10(val, ranker.predict(val.features, val.users.length * val.maxCandidates));
    // bestEpoch 0 marks the averaged weights.
    if (averagedNdcg10 > best.ndcg) best = { ndcg: averagedNdcg10, epoch: 0, weights: mean };
  }
  ranker.setWeights(best.weights);
  return { weights: best.weights, ranker, bestEpoch: best.epoch, valNdcg10: best.ndcg, epochs: log, averagedNdcg10 };
}

/**
 * LambdaRank weights for one batch: for each user, every (bought i, not bought j) pair of their
 * list gets |ΔNDCG@k| of swapping i and j at the current ranks, over the user's ideal DCG@k
 * (IDCG over the bought items in the list); other pairs 0. out[b, i, j], B × S × S.
 */
export function lambdaPairWeights(scores: Float32Array, labels: Float32Array, mask: Float32Array, B: number, S: number, k: number, out: Float32Array): void {
  out.fill(0, 0, B * S * S);
  const gain = (r: number) => (k > 0 && r >= k ? 0 : 1 / Math.log2(r + 2));
  const rank = new Int32Array(S);
  for (let b = 0; b < B; b++) {
    const slots: number[] = [];
    for (let i = 0; i < S; i++) if (mask[b * S + i]) slots.push(i);
    slots.sort((p, q) => scores[b * S + q]! - scores[b * S + p]! || p - q);
    slots.forEach((i, r) => (rank[i] = r));
    const pos = slots.filter((i) => labels[b * S + i]), neg = slots.filter((i) => !labels[b * S + i]);
    let idcg = 0;
    for (let r = 0; r < pos.length; r++) idcg += gain(r);
    if (idcg === 0) continue;
    for (const i of pos) for (const j of neg) out[(b * S + i) * S + j] = Math.abs(gain(rank[i]!) - gain(rank[j]!)) / idcg;
  }
}

/** Running sum of MLP weights (same shapes each time), for stochastic weight averaging. */
class WeightAverage {
  count = 0;
  private sum: RankerWeights | null = null;

  add(w: RankerWeights): void {
    this.count++;
    if (!this.sum) {
      this.sum = { mean: w.mean, std: w.std, layers: w.layers.map((l) => ({ ...l, w: l.w.slice(), b: l.b.slice() })) };
      return;
    }
    this.sum.layers.forEach((l, k) => {
      const src = w.layers[k]!;
      for (let i = 0; i < l.w.length; i++) l.w[i]! += src.w[i]!;
      for (let i = 0; i < l.b.length; i++) l.b[i]! += src.b[i]!;
    });
  }

  mean(): RankerWeights {
    const s = this.sum!;
    return { mean: s.mean, std: s.std, layers: s.layers.map((l) => ({ ...l, w: l.w.map((v) => v / this.count), b: l.b.map((v) => v / this.count) })) };
  }
}
