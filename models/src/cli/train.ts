import { statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { loadSources } from './sources.js';
import { failAndExit, parseCliArgs } from './args.js';
import { skipLines } from '../data/skip-report.js';
import { REPO_ROOT } from '../data/dataset-root.js';
import { ModelsError } from '../data/errors.js';
import { csvBasketSource, sqliteBasketSource } from '../data/basket-stream.js';
import { buildExamples, buildTrainExamples, candidateRecall, aggregateBaskets, heldOutExamples, type ExampleSet } from '../eval/examples.js';
import { StoreAggregates } from '../features/index.js';
import { EVAL_DEFAULTS } from '../eval/evaluate.js';
import { trainAndSelect } from '../train/select.js';
import { prepareStreamTraining } from '../train/stream-train.js';
import { exportOnnx } from '../train/onnx-export.js';
import { manifestFeatureContract, writeArtifact, type ModelManifest } from '../train/artifact.js';

/** An --input file bigger than this is streamed even without --stream (about 5M baskets of gzip CSV). */
export const STREAM_ABOVE_BYTES = 200 * 1024 * 1024;
/** Customers drawn as examples when streaming (--sample-users). */
const DEFAULT_SAMPLE_USERS = 20_000;

interface Prepared {
  label: string;
  trainUsers: number;
  trainSet: ExampleSet;
  valSet: ExampleSet;
  valFutures: string[][];
  /** Held-out train users for the selection (in memory only; see heldOutExamples). */
  heldOut?: ReturnType<typeof heldOutExamples>;
  /** What the streaming path measured (absent in memory). */
  stream?: Record<string, unknown>;
}

type Args = ReturnType<typeof parseCliArgs>;

/** In memory: the protocol split's train + test users train (K-fold aggregates), its 8% validate. */
async function prepareInMemory(args: Args): Promise<Prepared> {
  const sources = await loadSources({ ...args, keysets: 1 });
  for (const line of skipLines(sources.skipped, sources.skipExamples)) console.error(line);
  const split = sources.splits[0]!;
  const ds = { ...split, train: [...split.train, ...split.test], test: [] };
  console.error(`training on ${sources.label}: ${ds.train.length} customers, ${ds.val.length} for validation`);
  const trainSet = buildTrainExamples(ds, EVAL_DEFAULTS.folds, EVAL_DEFAULTS.maxCandidates);
  const full = StoreAggregates.build(aggregateBaskets(ds, new Set(ds.train)));
  const valUsers = ds.val.map((id) => ds.users.get(id)!);
  const valSet = buildExamples(valUsers, () => full, EVAL_DEFAULTS.maxCandidates);
  // Held-out train users featurised like test users: the selection's extra comparison on small data.
  const heldOut = heldOutExamples(ds, ds.train, EVAL_DEFAULTS.maxCandidates);
  return { label: sources.label, trainUsers: ds.train.length, trainSet, valSet, valFutures: valUsers.map((u) => u.future), heldOut };
}

/** Streaming (chain scale): two passes over the file or database, a reservoir sample of customers. */
async function prepareStreaming(args: Args, seed: number): Promise<Prepared> {
  if (args.dataset) throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', '--stream reads --input <file> or --from-db <path>, not --dataset');
  if (!args.input && !args['from-db']) throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', '--stream needs --input <file> or --from-db <path>');
  const source = args.input ? csvBasketSource(args.input) : sqliteBasketSource(args['from-db']!);
  const sampleUsers = args['sample-users'] ?? DEFAULT_SAMPLE_USERS;
  console.error(`streaming ${source.label}: two passes, ${sampleUsers} sampled customers`);
  const p = await prepareStreamTraining(source, { sampleUsers, seed, maxCandidates: EVAL_DEFAULTS.maxCandidates, log: (line) => console.error(`  ${line}`) });
  for (const line of skipLines(p.stats.skipped, p.stats.skipExamples)) console.error(line);
  return {
    label: p.label,
    trainUsers: p.trainSet.users.length,
    trainSet: p.trainSet,
    valSet: p.valSet,
    valFutures: p.valFutures,
    stream: { rows: p.rows, baskets: p.baskets, customers: p.customers, sampledTrain: p.trainSet.users.length, sampledVal: p.valSet.users.length, aggregates: p.aggregates, seconds: p.seconds },
  };
}

/**
 * npm run models:train -- [--dataset tafeng|completejourney | --input file | --from-db path] [--out dir] [--stream [--sample-users N]]
 * Trains on every customer but a seeded 8% validation share (used to pick the epoch and to
 * check the MLP beats GP-TopFreq), exports model.onnx + model.json. With --stream (automatic
 * for an --input file over 200 MB) the history is streamed and a sample of customers trains.
 */
async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  const started = Date.now();
  const seed = args.seed ?? EVAL_DEFAULTS.train.seed;
  const stream = args.stream || (args.input !== undefined && statSync(args.input, { throwIfNoEntry: false })?.isFile() === true && statSync(args.input).size > STREAM_ABOVE_BYTES);
  const prepared = stream ? await prepareStreaming(args, seed) : await prepareInMemory(args);
  const { trainSet, valSet } = prepared;
  const opts = { ...EVAL_DEFAULTS.train, ...(args.hidden ? { hidden: args.hidden } : {}), ...(args.ensemble ? { ensemble: args.ensemble } : {}), seed, epochs: args.epochs ?? EVAL_DEFAULTS.train.epochs, progress: !args['no-progress'] };
  const trainStarted = Date.now();
  const chosen = await trainAndSelect(trainSet, valSet, opts, prepared.heldOut);
  const trainSeconds = (Date.now() - trainStarted) / 1000;
  const trained = chosen.trained;
  trained.ranker.dispose();
  const seconds = (Date.now() - started) / 1000;
  const createdAt = new Date().toISOString();
  const modelVersion = `${createdAt.slice(0, 19).replace(/[-:T]/g, '')}-${prepared.label.split(/[:/]/)[0]}-${chosen.kind}`;
  const onnxBytes = exportOnnx(chosen.weights, `vitrina ranker ${modelVersion}`);
  const manifest: ModelManifest = {
    format: 'vitrina-ranker',
    modelVersion,
    featureContract: manifestFeatureContract(),
    input: { name: 'input', shape: ['N', manifestFeatureContract().names.length] },
    output: { name: 'score', shape: ['N', 1] },
    // The served graph's hidden widths (an ensemble of k MLPs is one MLP k times as wide).
    architecture: { hidden: chosen.weights.layers.slice(0, -1).map((l) => l.outDim) },
    maxCandidates: EVAL_DEFAULTS.maxCandidates,
    training: { data: prepared.label, users: prepared.trainUsers, valUsers: valSet.users.length, seed, epochs: opts.epochs, bestEpoch: trained.bestEpoch, seconds },
    metrics: {
      valNdcg10CandidatesMlp: trained.valNdcg10,
      // The weights averaged over the second half's epochs (kept instead of the best epoch when higher; bestEpoch 0 then).
      ...(trained.averagedNdcg10 !== undefined ? { valNdcg10CandidatesAveraged: trained.averagedNdcg10 } : {}),
      selectionUsers: chosen.selection.users,
      selectionNdcg10Mlp: chosen.selection.mlp,
      selectionNdcg10GpTie: chosen.selection.gpTie,
      selectionPairedSe: chosen.selection.se,
      valCandidateRecall: candidateRecall(valSet, prepared.valFutures),
    },
    onnxBytes: onnxBytes.byteLength,
    onnxSha256: createHash('sha256').update(onnxBytes).digest('hex'),
    createdAt,
  };
  const out = resolve(args.out ?? join(REPO_ROOT, 'models/artifacts/current'));
  writeArtifact(out, onnxBytes, manifest);
  // Peak resident memory of this process (maxRSS is in KiB).
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const streamInfo = prepared.stream ? { stream: { ...prepared.stream, trainSeconds, peakRssMb } } : {};
  console.log(JSON.stringify({ out, modelVersion, kind: chosen.kind, seconds, onnxBytes: statSync(join(out, 'model.onnx')).size, metrics: manifest.metrics, ...streamInfo }));
}

main().catch(failAndExit);
