import { StoreAggregates } from '../features/index.js';
import type { Basket } from '../data/types.js';
import { buildProtocolDataset } from '../data/sequences.js';
import { aggregateBaskets } from '../eval/examples.js';
import { meanInterval, pairedComparison } from './paired.js';
import { baselineRows, modelRows } from './per-user-metrics.js';
import { DEFAULT_BASELINE, describeChoice, modeOfChoice, type DecisionRecord, type MethodResult, type RankerChoice } from './ranker-choice.js';
import type { Incumbent } from './train-and-decide.js';

/** A model trained elsewhere (head office, on every store's receipts), already on this store's disk. */
export interface ExternalModel {
  version: string;
  sha256: string;
  /** Folder with its model.onnx + model.json, as the recommender loads it. */
  artifactDir: string;
  onnx: Uint8Array;
}

export interface GateOptions {
  seed: number;
  /** Eligible customers (≥ 3 baskets) below which the store cannot judge and keeps what it serves. */
  minCustomers: number;
  /** Paired standard errors by which the external model must beat what serves (2, as for the store's own candidates). */
  margin: number;
  label: string;
}

const MIN_BASKETS = 3;
const MIN_ITEM_COUNT = 3;
const MAX_CANDIDATES = 300;

/**
 * The store's gate for a model it did not train: measured on the store's own held-out shoppers
 * (the lifecycle's seeded split, so the same shoppers a store-trained candidate is judged on),
 * against what the store serves now — its own model, re-scored through onnxruntime, or its
 * baseline — with the lifecycle's paired test on per-shopper NDCG@10. The external model is
 * served only when it leads by more than `margin` paired SE; otherwise the incumbent stays.
 */
export async function gateExternalModel(baskets: Basket[], external: ExternalModel, incumbent: Incumbent | null, opts: GateOptions): Promise<DecisionRecord> {
  const startedAt = new Date().toISOString();
  const ds = buildProtocolDataset(opts.label, baskets, { minBaskets: MIN_BASKETS, minItemCount: MIN_ITEM_COUNT, seed: opts.seed });
  const current: RankerChoice = incumbent?.choice ?? { kind: 'baseline', name: DEFAULT_BASELINE };
  const candidate = { version: external.version, kind: 'external', bestEpoch: 0, trainSeconds: 0, sha256: external.sha256, artifactDir: external.artifactDir };
  const base = {
    startedAt, dataWindow: window(baskets), customers: ds.users.size, baskets: baskets.length,
    split: { seed: opts.seed, train: ds.train.length, validation: ds.val.length, test: ds.test.length }, candidate,
  };
  if (ds.users.size < opts.minCustomers) {
    return {
      ...base, finishedAt: new Date().toISOString(), methods: [], outcome: 'insufficient-history', served: current,
      reason: `${ds.users.size} customers with ${MIN_BASKETS}+ baskets, fewer than the ${opts.minCustomers} needed to judge ${external.version}: keeping ${describeChoice(current)}`,
    };
  }
  const test = ds.test.map((id) => ds.users.get(id)!);
  const agg = StoreAggregates.build(aggregateBaskets(ds, new Set(ds.train)));
  const incumbentOnnx = current.kind === 'model' ? incumbent?.onnx : undefined;
  // The served model is measured in the mode it serves in (its own order or repeat-first); the chain model in its own order.
  const incumbentMode = modeOfChoice(current);
  const contenders = [{ onnx: external.onnx, mode: null }, ...(incumbentOnnx ? [{ onnx: incumbentOnnx, mode: incumbentMode }] : [])];
  const [externalRows, incumbentModelRows] = await modelRows(ds, test, agg, contenders, MAX_CANDIDATES);
  const incumbentRows = incumbentModelRows ?? baselineRows(ds, test)[current.kind === 'baseline' ? current.name : DEFAULT_BASELINE];
  const ndcg = (rows: typeof incumbentRows) => rows.map((r) => r['ndcg@10']);
  const gain = pairedComparison(ndcg(externalRows!), ndcg(incumbentRows));
  const method = (name: string, role: MethodResult['role'], rows: typeof incumbentRows): MethodResult => ({
    name, role, users: rows.length, ndcg10: meanInterval(ndcg(rows)),
    recall10: meanInterval(rows.map((r) => r['recall@10'])), phr10: meanInterval(rows.map((r) => r['phr@10'])),
  });
  const methods = [method(`external ${external.version}`, 'candidate', externalRows!), { ...method(`served ${describeChoice(current)}`, 'incumbent', incumbentRows), candidateGain: gain }];
  const lead = `${gain.diff >= 0 ? '+' : ''}${gain.diff.toFixed(4)} ± ${gain.se.toFixed(4)} NDCG@10 on ${test.length} held-out shoppers`;
  if (gain.z > opts.margin) {
    return {
      ...base, finishedAt: new Date().toISOString(), methods, outcome: 'promoted',
      served: { kind: 'model', version: external.version, artifactDir: external.artifactDir, sha256: external.sha256 },
      reason: `chain model ${external.version} beats ${describeChoice(current)} by more than ${opts.margin} paired SE (${lead}): serving it`,
    };
  }
  return {
    ...base, finishedAt: new Date().toISOString(), methods, outcome: 'kept-incumbent', served: current,
    reason: `chain model ${external.version} not ahead of ${describeChoice(current)} by ${opts.margin} paired SE (${lead}): keeping ${describeChoice(current)}`,
  };
}

function window(baskets: readonly Basket[]): DecisionRecord['dataWindow'] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const b of baskets) {
    lo = Math.min(lo, b.t);
    hi = Math.max(hi, b.t);
  }
  const asTime = (t: number) => (Number.isFinite(t) && t > 1e11 ? new Date(t).toISOString() : null);
  return { from: asTime(lo), to: asTime(hi) };
}
