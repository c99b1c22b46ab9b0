import type { Interval } from './paired.js';

/** The baselines a store can serve instead of a trained model (the literature's, see eval/baselines.ts). */
export const BASELINES = ['G-TopFreq', 'P-TopFreq', 'GP-TopFreq', 'GP-TopFreq+popTies', 'TIFU-KNN'] as const;
export type BaselineName = (typeof BASELINES)[number];

/**
 * What a store serves before it has decided anything: GP-TopFreq with popularity ties, the
 * strongest simple baseline on both public datasets (models/REPORT.md). Never a model
 * trained on another store's or a public dataset's shoppers.
 */
export const DEFAULT_BASELINE: BaselineName = 'GP-TopFreq+popTies';

export function isBaselineName(name: unknown): name is BaselineName {
  return typeof name === 'string' && (BASELINES as readonly string[]).includes(name);
}

/** What a store serves: its own promoted ONNX model, or a named baseline. */
export type RankerChoice =
  | {
      kind: 'model'; version: string; artifactDir: string; sha256: string;
      /**
       * Repeat-first ranking (features/repeat-first.ts): own items bought in at least this many
       * baskets first, in GP-ties order, then the model's order. Absent: the model's order.
       */
      repeatFirst?: number;
      /** With `repeatFirst`: at most this many items in the repeat block. Absent: no cap. */
      repeatCap?: number;
    }
  | { kind: 'baseline'; name: BaselineName };

export function describeChoice(c: RankerChoice): string {
  if (c.kind === 'baseline') return `baseline ${c.name}`;
  if (c.repeatFirst === undefined) return `model ${c.version}`;
  return `model ${c.version} (repeat-first: own items bought ${c.repeatFirst}+ times first${c.repeatCap === undefined ? '' : `, at most ${c.repeatCap}`})`;
}

/** The repeat-first mode a served model choice asks for (null: the model's own order). */
export function modeOfChoice(c: RankerChoice): { minCount: number; maxRepeat?: number } | null {
  if (c.kind !== 'model' || c.repeatFirst === undefined) return null;
  return c.repeatCap === undefined ? { minCount: c.repeatFirst } : { minCount: c.repeatFirst, maxRepeat: c.repeatCap };
}

export interface MethodResult {
  name: string;
  role: 'baseline' | 'candidate' | 'incumbent';
  users: number;
  ndcg10: Interval;
  recall10: Interval;
  phr10: Interval;
  /** Paired NDCG@10 of the candidate minus this method (absent on the candidate's own row). */
  candidateGain?: { diff: number; se: number; z: number };
}

export type DecisionOutcome = 'promoted' | 'kept-incumbent' | 'baseline' | 'insufficient-history';

/** One training run's outcome: enough to audit the choice later without the data. */
export interface DecisionRecord {
  startedAt: string;
  finishedAt: string;
  /** Times of the earliest and latest receipt used (ISO), null without receipts. */
  dataWindow: { from: string | null; to: string | null };
  customers: number;
  baskets: number;
  split: { seed: number; train: number; validation: number; test: number };
  methods: MethodResult[];
  outcome: DecisionOutcome;
  /** What the store serves from now on. */
  served: RankerChoice;
  reason: string;
  /** The trained candidate (also when it was refused), null when no training ran. */
  candidate: { version: string; kind: string; bestEpoch: number; trainSeconds: number; sha256: string; artifactDir: string | null } | null;
}
