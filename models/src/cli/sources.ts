import { resolveDatasetRoot } from '../data/dataset-root.js';
import { ModelsError } from '../data/errors.js';
import { loadTafeng, tafengKeysetDataset } from '../data/tafeng.js';
import { loadCompleteJourney } from '../data/completejourney.js';
import { loadHistoryCsv } from '../data/history-csv.js';
import { loadSqliteHistory } from '../data/sqlite-history.js';
import { buildProtocolDataset } from '../data/sequences.js';
import type { EvalDataset, LoadResult, SkipCounts, SkipExamples } from '../data/types.js';
import { nothingLeftMessage } from '../data/skip-report.js';

export interface SourceArgs {
  dataset?: string;
  input?: string;
  'from-db'?: string;
  data?: string;
  keysets?: number;
  seed?: number;
  /** Seeded user splits to average over (seed, seed + 1, …); Ta-Feng uses its keysets. */
  splits?: number;
}

export interface Sources {
  label: string;
  splits: EvalDataset[];
  rows: number;
  skipped: SkipCounts;
  /** The first offending value per skip reason. */
  skipExamples: SkipExamples;
}

/** The fewest customers the 72/8/20 split turns into non-empty train, validation and test sets. */
const MIN_SPLIT_CUSTOMERS = 7;

function datasetRoot(flag?: string): string {
  const root = resolveDatasetRoot(flag);
  if (!root.exists) {
    throw new ModelsError('VITRINA_ERR_NOT_FOUND', `datasets folder not found at ${root.path} (set --data <path> or VITRINA_DATASETS)`);
  }
  return root.path;
}

/** Loads what the flags name and turns it into protocol splits (Ta-Feng: its keysets). */
export async function loadSources(args: SourceArgs): Promise<Sources> {
  const chosen = [args.dataset, args.input, args['from-db']].filter(Boolean);
  if (chosen.length > 1) throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', 'give one of --dataset, --input, --from-db');
  const dataset = chosen.length === 0 ? 'tafeng' : args.dataset;
  if (dataset === 'tafeng') {
    const data = await loadTafeng(datasetRoot(args.data));
    const n = Math.min(5, Math.max(1, args.keysets ?? 5));
    let rows = 0;
    for (const u of data.users.values()) rows += u.history.reduce((s, b) => s + b.length, u.future.length);
    return { label: 'tafeng', splits: Array.from({ length: n }, (_, k) => tafengKeysetDataset(data, k)), rows, skipped: {}, skipExamples: {} };
  }
  let loaded: LoadResult;
  let label: string;
  if (dataset === 'completejourney') {
    loaded = await loadCompleteJourney(datasetRoot(args.data));
    label = 'completejourney/transactions_sample';
  } else if (args.input) {
    loaded = await loadHistoryCsv(args.input);
    label = `input:${args.input}`;
  } else {
    loaded = await loadSqliteHistory(args['from-db']!);
    label = `db:${args['from-db']}`;
  }
  const skipped = { ...loaded.skipped };
  const skipExamples = { ...loaded.skipExamples };
  const seed = args.seed ?? 42;
  const splits = Array.from({ length: Math.max(1, args.splits ?? 1) }, (_, k) =>
    buildProtocolDataset(`${label}#seed${seed + k}`, loaded.baskets, { minBaskets: 3, minItemCount: 3, seed: seed + k }, k === 0 ? skipped : {}, k === 0 ? skipExamples : {}),
  );
  const ds = splits[0]!;
  if (ds.test.length === 0 || ds.train.length === 0 || ds.val.length === 0) {
    throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', nothingLeftMessage(label, loaded.rows, loaded.baskets.length, skipped, skipExamples, ds.users.size, MIN_SPLIT_CUSTOMERS));
  }
  return { label, splits, rows: loaded.rows, skipped, skipExamples };
}
