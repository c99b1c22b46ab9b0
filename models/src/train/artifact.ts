import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_CONTRACT } from '../features/index.js';

/** model.json: what the edge server checks before it trusts model.onnx. */
export interface ModelManifest {
  format: 'vitrina-ranker';
  modelVersion: string;
  featureContract: { version: string; names: string[] };
  input: { name: 'input'; shape: ['N', number] };
  output: { name: 'score'; shape: ['N', 1] };
  architecture: { hidden: number[] };
  maxCandidates: number;
  training: { data: string; users: number; valUsers: number; seed: number; epochs: number; bestEpoch: number; seconds: number };
  metrics: Record<string, number>;
  onnxBytes: number;
  onnxSha256: string;
  createdAt: string;
}

export function manifestFeatureContract(): ModelManifest['featureContract'] {
  return { version: FEATURE_CONTRACT.version, names: [...FEATURE_CONTRACT.names] };
}

/**
 * Writes model.onnx then model.json, each through a temp file and rename, so a server
 * watching the folder never reads half a file. model.json goes last: it names the onnx
 * file's size and hash, so a stale pair is detected rather than served.
 */
export function writeArtifact(dir: string, onnxBytes: Uint8Array, manifest: ModelManifest): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.model.onnx.tmp'), onnxBytes);
  renameSync(join(dir, '.model.onnx.tmp'), join(dir, 'model.onnx'));
  writeFileSync(join(dir, '.model.json.tmp'), JSON.stringify(manifest, null, 2) + '\n');
  renameSync(join(dir, '.model.json.tmp'), join(dir, 'model.json'));
}
