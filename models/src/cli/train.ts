import { statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { loadSources } from './sources.js';
import { skipLines } from '../data/skip-report.js';
import { failAndExit, parseCliArgs } from './args.js';
import { REPO_ROOT } from '../data/dataset-root.js';
import { buildExamples, buildTrainExamples, candidateRecall, aggregateBaskets } from '../eval/examples.js';
import { StoreAggregates } from '../features/index.js';
import { EVAL_DEFAULTS } from '../eval/evaluate.js';
import { trainAndSelect } from '../train/select.js';
import { exportOnnx } from '../train/onnx-export.js';
import { manifestFeatureContract, writeArtifact, type ModelManifest } from '../train/artifact.js';

/**
 * npm run models:train -- [--dataset tafeng|completejourney | --input file | --from-db path] [--out dir]
 * Trains on every customer but a seeded 8% validation share (used to pick the epoch and to
 * check the MLP beats GP-TopFreq), exports model.onnx + model.json.
 */
async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  const started = Date.now();
  const sources = await loadSources({ ...args, keysets: 1 });
  for (const line of skipLines(sources.skipped, sources.skipExamples)) console.error(line);
  const split = sources.splits[0]!;
  const ds = { ...split, train: [...split.train, ...split.test], test: [] };
  const seed = args.seed ?? EVAL_DEFAULTS.train.seed;
  const opts = { ...EVAL_DEFAULTS.train, seed, epochs: args.epochs ?? EVAL_DEFAULTS.train.epochs, progress: !args['no-progress'] };
  console.error(`training on ${sources.label}: ${ds.train.length} customers, ${ds.val.length} for validation`);
  const trainSet = buildTrainExamples(ds, EVAL_DEFAULTS.folds, EVAL_DEFAULTS.maxCandidates);
  const full = StoreAggregates.build(aggregateBaskets(ds, new Set(ds.train)));
  const valUsers = ds.val.map((id) => ds.users.get(id)!);
  const valSet = buildExamples(valUsers, () => full, EVAL_DEFAULTS.maxCandidates);
  const chosen = await trainAndSelect(trainSet, valSet, opts);
  const trained = chosen.trained;
  trained.ranker.dispose();
  const seconds = (Date.now() - started) / 1000;
  const createdAt = new Date().toISOString();
  const modelVersion = `${createdAt.slice(0, 19).replace(/[-:T]/g, '')}-${sources.label.split(/[:/]/)[0]}-${chosen.kind}`;
  const onnxBytes = exportOnnx(chosen.weights, `vitrina ranker ${modelVersion}`);
  const manifest: ModelManifest = {
    format: 'vitrina-ranker',
    modelVersion,
    featureContract: manifestFeatureContract(),
    input: { name: 'input', shape: ['N', manifestFeatureContract().names.length] },
    output: { name: 'score', shape: ['N', 1] },
    architecture: { hidden: chosen.kind === 'mlp' ? opts.hidden : [] },
    maxCandidates: EVAL_DEFAULTS.maxCandidates,
    training: { data: sources.label, users: ds.train.length, valUsers: ds.val.length, seed, epochs: opts.epochs, bestEpoch: trained.bestEpoch, seconds },
    metrics: {
      valNdcg10CandidatesMlp: trained.valNdcg10,
      selectionUsers: chosen.selection.users,
      selectionNdcg10Mlp: chosen.selection.mlp,
      selectionNdcg10GpTie: chosen.selection.gpTie,
      selectionPairedSe: chosen.selection.se,
      valCandidateRecall: candidateRecall(valSet, valUsers.map((u) => u.future)),
    },
    onnxBytes: onnxBytes.byteLength,
    onnxSha256: createHash('sha256').update(onnxBytes).digest('hex'),
    createdAt,
  };
  const out = resolve(args.out ?? join(REPO_ROOT, 'models/artifacts/current'));
  writeArtifact(out, onnxBytes, manifest);
  console.log(JSON.stringify({ out, modelVersion, kind: chosen.kind, seconds, onnxBytes: statSync(join(out, 'model.onnx')).size, metrics: manifest.metrics }));
}

main().catch(failAndExit);
