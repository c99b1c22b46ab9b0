import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: models/src/data → ../../.. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Where the shared datasets live: `--data`, else $VITRINA_DATASETS, else ../shared/datasets
 * beside the repository. Returns null when the folder does not exist so the CLIs can say so
 * and exit with code 2.
 */
export function resolveDatasetRoot(flag?: string): { path: string; exists: boolean } {
  const path = resolve(flag ?? process.env.VITRINA_DATASETS ?? resolve(REPO_ROOT, '../shared/datasets'));
  return { path, exists: existsSync(path) && statSync(path).isDirectory() };
}
