import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gateExternalModel, loadSqliteHistory, writeArtifact, type DecisionRecord, type Incumbent, type ModelManifest } from '@vitrina/models';
import type { RankerChoice } from '@vitrina/models/ranker-choice';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';

/** A model head office published (chain-sync fetched its files from the `vitrina_models` object store). */
export interface ChainModelArtifact {
  version: string;
  /** The sha256 head office announced; the bytes must match it. */
  sha256: string;
  onnx: Uint8Array;
  /** model.json as head office wrote it; checked here (the recommender checks its feature contract when it loads). */
  manifest: unknown;
}

export interface ChainGateDeps {
  dbFile: string;
  artifactRoot: string;
  incumbent: RankerChoice | null;
  seed: number;
  margin: number;
  minCustomers: number;
  label: string;
}

/**
 * The store's gate for the chain model: its files are checked against the announced sha256 and
 * written beside the store's own models, then it is measured on the store's own held-out
 * shoppers against what the store serves (models/src/lifecycle `gateExternalModel`: the
 * lifecycle's paired test on NDCG@10, 2 SE). The decision says whether it serves; the caller
 * records it and swaps only on 'promoted'.
 */
export async function judgeChainModel(model: ChainModelArtifact, d: ChainGateDeps): Promise<DecisionRecord> {
  const sha256 = createHash('sha256').update(model.onnx).digest('hex');
  const manifest = model.manifest as Partial<ModelManifest> | null;
  if (typeof manifest !== 'object' || manifest === null || manifest.format !== 'vitrina-ranker' || typeof manifest.featureContract !== 'object') {
    throw new VitrinaError('VITRINA_ERR_MODEL_INVALID', `chain model ${model.version}: model.json is not a vitrina-ranker manifest`);
  }
  if (sha256 !== model.sha256 || manifest.onnxSha256 !== sha256) {
    throw new VitrinaError('VITRINA_ERR_MODEL_INVALID', `chain model ${model.version}: the ONNX bytes do not match the announced sha256`);
  }
  if (!/^[\w.-]{1,120}$/.test(model.version)) throw new VitrinaError('VITRINA_ERR_MODEL_INVALID', `chain model version ${model.version} is not a folder name`);
  const artifactDir = join(d.artifactRoot, `chain-${model.version}`);
  writeArtifact(artifactDir, model.onnx, manifest as ModelManifest);
  let incumbent: Incumbent | null = d.incumbent ? { choice: d.incumbent } : null;
  if (d.incumbent?.kind === 'model') {
    try {
      incumbent = { choice: d.incumbent, onnx: readFileSync(join(d.incumbent.artifactDir, 'model.onnx')) };
    } catch {
      incumbent = null; // a served model whose file is gone cannot be measured; the baseline stands in
    }
  }
  const { baskets } = await loadSqliteHistory(d.dbFile);
  return gateExternalModel(baskets, { version: model.version, sha256, artifactDir, onnx: model.onnx }, incumbent, {
    seed: d.seed, margin: d.margin, minCustomers: d.minCustomers, label: d.label,
  });
}
