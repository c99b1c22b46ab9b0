import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gateExternalModel, loadSqliteHistory, writeArtifact, type DecisionRecord, type Incumbent, type ModelManifest } from '@vitrina/models';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { ChainGateJob } from './run-training.js';

/** A model head office published (chain-sync fetched its files from the `vitrina_models` object store). */
export interface ChainModelArtifact {
  version: string;
  /** The sha256 head office announced; the bytes must match it. */
  sha256: string;
  onnx: Uint8Array;
  /** model.json as head office wrote it; checked here (the recommender checks its feature contract when it loads). */
  manifest: unknown;
}

/**
 * The store's gate for the chain model: its files are checked against the announced sha256 and
 * written beside the store's own models (`writeChainArtifact`, in the server: cheap), then it
 * is measured on the store's own held-out shoppers against what the store serves
 * (`gateChainArtifact`, in a child process: gate-job.ts; models/src/lifecycle
 * `gateExternalModel`: the lifecycle's paired test on NDCG@10, 2 SE). The decision says whether
 * it serves; the caller records it and swaps only on 'promoted'.
 *
 * This part checks the chain model's files and writes them to `<artifactRoot>/chain-<version>/`; it returns the folder.
 */
export function writeChainArtifact(model: ChainModelArtifact, artifactRoot: string): string {
  const sha256 = createHash('sha256').update(model.onnx).digest('hex');
  const manifest = model.manifest as Partial<ModelManifest> | null;
  if (typeof manifest !== 'object' || manifest === null || manifest.format !== 'vitrina-ranker' || typeof manifest.featureContract !== 'object') {
    throw new VitrinaError('VITRINA_ERR_MODEL_INVALID', `chain model ${model.version}: model.json is not a vitrina-ranker manifest`);
  }
  if (sha256 !== model.sha256 || manifest.onnxSha256 !== sha256) {
    throw new VitrinaError('VITRINA_ERR_MODEL_INVALID', `chain model ${model.version}: the ONNX bytes do not match the announced sha256`);
  }
  if (!/^[\w.-]{1,120}$/.test(model.version)) throw new VitrinaError('VITRINA_ERR_MODEL_INVALID', `chain model version ${model.version} is not a folder name`);
  const artifactDir = join(artifactRoot, `chain-${model.version}`);
  writeArtifact(artifactDir, model.onnx, manifest as ModelManifest);
  return artifactDir;
}

/** Measures a written chain model on the store's receipts (run in the gate's child process). */
export async function gateChainArtifact(job: ChainGateJob): Promise<DecisionRecord> {
  const onnx = readFileSync(join(job.artifactDir, 'model.onnx'));
  let incumbent: Incumbent | null = job.incumbent ? { choice: job.incumbent } : null;
  if (job.incumbent?.kind === 'model') {
    try {
      incumbent = { choice: job.incumbent, onnx: readFileSync(join(job.incumbent.artifactDir, 'model.onnx')) };
    } catch {
      incumbent = null; // a served model whose file is gone cannot be measured; the baseline stands in
    }
  }
  const { baskets } = await loadSqliteHistory(job.dbFile);
  return gateExternalModel(baskets, { version: job.version, sha256: job.sha256, artifactDir: job.artifactDir, onnx }, incumbent, {
    seed: job.seed, margin: job.margin, minCustomers: job.minCustomers, label: job.label,
  });
}
