/** One shopping basket (receipt) of one customer, items deduplicated in first-seen order. */
export interface Basket {
  customerId: string;
  basketId: string;
  /** Epoch milliseconds, or the basket's order number when the source has no time. */
  t: number;
  items: string[];
}

/** Rows that could not be used, by reason, so a bad import is visible instead of silent. */
export type SkipCounts = Record<string, number>;

/** One offending value per skip reason (the first seen), so a report can show what was wrong. */
export type SkipExamples = Record<string, string>;

export interface LoadResult {
  baskets: Basket[];
  rows: number;
  skipped: SkipCounts;
  skipExamples: SkipExamples;
}

/** A customer's chronological history and the basket to predict (next-basket protocol). */
export interface SequenceUser {
  id: string;
  history: string[][];
  future: string[];
}

/** A dataset ready for the evaluation protocol: users, a split, and the popularity ranking. */
export interface EvalDataset {
  name: string;
  users: Map<string, SequenceUser>;
  train: string[];
  val: string[];
  test: string[];
  /** Items by history popularity, most popular first (G-TopFreq order). */
  popRanking: string[];
}

export function countSkip(skipped: SkipCounts, reason: string, examples?: SkipExamples, example?: string): void {
  skipped[reason] = (skipped[reason] ?? 0) + 1;
  if (examples !== undefined && example !== undefined && !(reason in examples)) examples[reason] = example;
}
