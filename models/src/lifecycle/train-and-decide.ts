import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { StoreAggregates } from '../features/index.js';
import type { Basket, EvalDataset } from '../data/types.js';
import { buildProtocolDataset } from '../data/sequences.js';
import { aggregateBaskets, buildExamples, buildTrainExamples } from '../eval/examples.js';
import type { MetricRow } from '../eval/metrics.js';
import { TRAIN_DEFAULTS, type TrainOptions } from '../train/train-ranker.js';
import { trainAndSelect } from '../train/select.js';
import { exportOnnx } from '../train/onnx-export.js';
import { manifestFeatureContract, writeArtifact, type ModelManifest } from '../train/artifact.js';
import { meanInterval, pairedComparison } from './paired.js';
import { baselineRows, modelRows } from './per-user-metrics.js';
import { chooseBaseline, chooseMode } from './serving-rule.js';
import { REPEAT_FIRST_MODES } from '../features/repeat-first.js';
import { describeMode, type RankingMode } from '../eval/scored-rows.js';
import { BASELINES, DEFAULT_BASELINE, describeChoice, modeOfChoice, type DecisionRecord, type MethodResult, type RankerChoice } from './ranker-choice.js';

export interface LifecycleOptions {
  /** Seed of the customer split (and of training): the same data gives the same decision. */
  seed: number;
  /** Eligible customers (≥ 3 baskets) below which nothing is trained; see the edge server's setting. */
  minCustomers: number;
  /** Paired standard errors by which the candidate must beat every contender (2 ≈ 97.7% one-sided). */
  margin: number;
  /** A promoted model is written to `<artifactRoot>/<version>/`. */
  artifactRoot: string;
  /** Names the store in model versions. */
  label: string;
  train?: Partial<TrainOptions>;
  maxCandidates?: number;
  folds?: number;
  onPhase?: (phase: 'preparing' | 'training' | 'evaluating' | 'deciding') => void;
}

/** What is served now; `onnx` carries the served model's bytes so it is re-measured on today's data. */
export interface Incumbent {
  choice: RankerChoice;
  onnx?: Uint8Array;
}

const MIN_BASKETS = 3;
const MIN_ITEM_COUNT = 3;

/**
 * The store's model lifecycle in one call: split the store's own customers (seeded), train a
 * candidate on the train share, measure it, every baseline and the model served now on the
 * held-out share, and decide. The candidate is promoted only when its per-user NDCG@10 beats
 * every contender by more than `margin` paired standard errors; otherwise the incumbent model
 * keeps serving unless the strongest baseline is significantly better, and a store without a
 * model serves its strongest baseline. Pure apart from writing the promoted artifact.
 */
export async function trainAndDecide(baskets: Basket[], incumbent: Incumbent | null, opts: LifecycleOptions): Promise<DecisionRecord> {
  const startedAt = new Date().toISOString();
  opts.onPhase?.('preparing');
  const ds = buildProtocolDataset(opts.label, baskets, { minBaskets: MIN_BASKETS, minItemCount: MIN_ITEM_COUNT, seed: opts.seed });
  const base = {
    startedAt,
    dataWindow: dataWindow(baskets),
    customers: ds.users.size,
    baskets: baskets.length,
    split: { seed: opts.seed, train: ds.train.length, validation: ds.val.length, test: ds.test.length },
  };
  if (ds.users.size < opts.minCustomers) {
    const served: RankerChoice = incumbent?.choice.kind === 'model' ? incumbent.choice : { kind: 'baseline', name: DEFAULT_BASELINE };
    return {
      ...base, finishedAt: new Date().toISOString(), methods: [], outcome: 'insufficient-history', served, candidate: null,
      reason: `${ds.users.size} customers with ${MIN_BASKETS}+ baskets, fewer than the ${opts.minCustomers} needed to train and to tell rankers apart: serving ${describeChoice(served)}`,
    };
  }

  opts.onPhase?.('training');
  const M = opts.maxCandidates ?? 300;
  const trainOpts: TrainOptions = { ...TRAIN_DEFAULTS, seed: opts.seed, progress: false, ...opts.train };
  const trainStarted = Date.now();
  const full = StoreAggregates.build(aggregateBaskets(ds, new Set(ds.train)));
  const trainSet = buildTrainExamples(ds, opts.folds ?? 5, M);
  const valSet = buildExamples(ds.val.map((id) => ds.users.get(id)!), () => full, M);
  const chosen = await trainAndSelect(trainSet, valSet, trainOpts);
  chosen.trained.ranker.dispose();
  const trainSeconds = (Date.now() - trainStarted) / 1000;
  // The candidate's ranking mode, chosen on the validation users (never the held-out ones the
  // gate measures): the exported ranker in its own order, or the MLP repeat-first with c.
  const stamp = startedAt.slice(0, 19).replace(/[-:T]/g, '');
  const exported = exportOnnx(chosen.weights, `vitrina ranker ${stamp}-${opts.label}-${chosen.kind}`);
  const mlpOnnx = chosen.kind === 'mlp' ? exported : exportOnnx(chosen.trained.weights, `vitrina ranker ${stamp}-${opts.label}-mlp`);
  const val = ds.val.map((id) => ds.users.get(id)!);
  const modeOptions = [{ onnx: exported, mode: null as RankingMode }, ...REPEAT_FIRST_MODES.map((m) => ({ onnx: mlpOnnx, mode: m as RankingMode }))];
  const valRows = await modelRows(ds, val, full, modeOptions, M);
  const picked = chooseMode(modeOptions.map((o, k) => ({ mode: o, rows: valRows[k]! })));
  const mode = picked.mode.mode;
  const onnx = picked.mode.onnx;
  const kind = mode ? `mlp, ${describeMode(mode)}` : chosen.kind;
  const version = `${stamp}-${opts.label}-${mode ? `mlp-rf${mode.minCount}${mode.maxRepeat === undefined ? '' : `k${mode.maxRepeat}`}` : chosen.kind}`;
  const sha256 = createHash('sha256').update(onnx).digest('hex');
  const modeWhy = `ranking mode ${describeMode(mode)} chosen on ${val.length} validation shoppers (NDCG@10 ${modeOptions.map((o, k) => `${o.mode ? describeMode(o.mode) : chosen.kind} ${fmt(meanInterval(valRows[k]!.map((r) => r['ndcg@10'])).mean)}`).join(', ')})`;

  opts.onPhase?.('evaluating');
  const test = ds.test.map((id) => ds.users.get(id)!);
  const baselines = baselineRows(ds, test);
  const withIncumbent = incumbent?.choice.kind === 'model' && incumbent.onnx;
  const incumbentMode = incumbent ? modeOfChoice(incumbent.choice) : null;
  const scored = [{ onnx, mode }, ...(withIncumbent ? [{ onnx: incumbent.onnx!, mode: incumbentMode }] : [])];
  const [candidateRows, incumbentRows] = await modelRows(ds, test, full, scored, M);
  const cand = candidateRows!;
  const candNdcg = ndcg10(cand);
  const methods: MethodResult[] = [result('candidate', 'candidate', cand)];
  for (const name of BASELINES) methods.push(result(name, 'baseline', baselines[name], cand));
  if (incumbentRows && incumbent?.choice.kind === 'model') methods.push(result(`served ${incumbent.choice.version}`, 'incumbent', incumbentRows, cand));

  opts.onPhase?.('deciding');
  const candidate = { version, kind, bestEpoch: chosen.trained.bestEpoch, trainSeconds, sha256, artifactDir: null as string | null };
  const contenders = methods.filter((m) => m.role !== 'candidate');
  const weakestLead = contenders.reduce((w, m) => (m.candidateGain!.z < w.candidateGain!.z ? m : w));
  if (weakestLead.candidateGain!.z > opts.margin) {
    const dir = join(opts.artifactRoot, version);
    writeArtifact(dir, onnx, manifestOf(version, mode ? 'mlp' : chosen.kind, trainOpts, ds, onnx, sha256, trainSeconds, chosen.trained.bestEpoch, M, methods));
    candidate.artifactDir = dir;
    return {
      ...base, finishedAt: new Date().toISOString(), methods, outcome: 'promoted', candidate,
      served: { kind: 'model', version, artifactDir: dir, sha256, ...(mode ? { repeatFirst: mode.minCount, ...(mode.maxRepeat === undefined ? {} : { repeatCap: mode.maxRepeat }) } : {}) },
      reason: `${modeWhy}; candidate NDCG@10 ${fmt(candNdcg.mean)} beats every contender by more than ${opts.margin} paired SE (smallest lead: ${weakestLead.name}, +${fmt(weakestLead.candidateGain!.diff)} ± ${fmt(weakestLead.candidateGain!.se)})`,
    };
  }
  const { strongest, why: baselineWhy } = chooseBaseline(baselines, incumbent?.choice.kind === 'baseline' ? incumbent.choice.name : DEFAULT_BASELINE, opts.margin);
  const strongestChoice: RankerChoice = { kind: 'baseline', name: strongest };
  const refused = `${modeWhy}; candidate not ahead of ${weakestLead.name} by ${opts.margin} paired SE (${signed(weakestLead.candidateGain!.diff)} ± ${fmt(weakestLead.candidateGain!.se)} NDCG@10)`;
  if (incumbentRows && incumbent?.choice.kind === 'model') {
    const vsBaseline = pairedComparison(baselines[strongest].map((r) => r['ndcg@10']), incumbentRows.map((r) => r['ndcg@10']));
    if (vsBaseline.z <= opts.margin) {
      return {
        ...base, finishedAt: new Date().toISOString(), methods, outcome: 'kept-incumbent', candidate, served: incumbent.choice,
        reason: `${refused}; the served model is not significantly behind ${strongest} (${signed(vsBaseline.diff)} ± ${fmt(vsBaseline.se)}): keeping ${describeChoice(incumbent.choice)}`,
      };
    }
    return {
      ...base, finishedAt: new Date().toISOString(), methods, outcome: 'baseline', candidate, served: strongestChoice,
      reason: `${refused}; ${strongest} beats the served model by ${signed(vsBaseline.diff)} ± ${fmt(vsBaseline.se)}: serving it instead`,
    };
  }
  return {
    ...base, finishedAt: new Date().toISOString(), methods, outcome: 'baseline', candidate, served: strongestChoice,
    reason: `${refused}: serving ${strongest} (${baselineWhy})`,
  };
}

const fmt = (x: number) => x.toFixed(4);

function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
}

function ndcg10(rows: MetricRow[]) {
  return meanInterval(rows.map((r) => r['ndcg@10']));
}

function result(name: string, role: MethodResult['role'], rows: MetricRow[], candidate?: MetricRow[]): MethodResult {
  const out: MethodResult = {
    name, role, users: rows.length,
    ndcg10: ndcg10(rows),
    recall10: meanInterval(rows.map((r) => r['recall@10'])),
    phr10: meanInterval(rows.map((r) => r['phr@10'])),
  };
  if (candidate) out.candidateGain = pairedComparison(candidate.map((r) => r['ndcg@10']), rows.map((r) => r['ndcg@10']));
  return out;
}

function dataWindow(baskets: readonly Basket[]): DecisionRecord['dataWindow'] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const b of baskets) {
    if (b.t < lo) lo = b.t;
    if (b.t > hi) hi = b.t;
  }
  // Sources without clock times number baskets 0, 1, 2…: no calendar window to report.
  const asTime = (t: number) => (Number.isFinite(t) && t > 1e11 ? new Date(t).toISOString() : null);
  return { from: asTime(lo), to: asTime(hi) };
}

function manifestOf(version: string, kind: string, opts: TrainOptions, ds: EvalDataset, onnx: Uint8Array, sha256: string, seconds: number, bestEpoch: number, M: number, methods: MethodResult[]): ModelManifest {
  const metrics: Record<string, number> = {};
  for (const m of methods) metrics[`testNdcg10:${m.name}`] = m.ndcg10.mean;
  return {
    format: 'vitrina-ranker',
    modelVersion: version,
    featureContract: manifestFeatureContract(),
    input: { name: 'input', shape: ['N', manifestFeatureContract().names.length] },
    output: { name: 'score', shape: ['N', 1] },
    architecture: { hidden: kind === 'mlp' ? opts.hidden : [] },
    maxCandidates: M,
    training: { data: ds.name, users: ds.train.length, valUsers: ds.val.length, seed: opts.seed, epochs: opts.epochs, bestEpoch, seconds },
    metrics,
    onnxBytes: onnx.byteLength,
    onnxSha256: sha256,
    createdAt: new Date().toISOString(),
  };
}
