import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a worker thread on `entry` with `workerData`, from the built .js or from the sources.
 *
 * The sources are TypeScript run by tsx. Node 20 resolves a worker's entry file before any
 * `--import` loader of the worker is in place, so a .ts entry is loaded through tsx's
 * `tsImport` from a tiny CommonJS bootstrap instead. The entry reads its input from `workerData`
 * either way (the bootstrap's own `boot` field rides along).
 */
export function startWorker(entry: URL, workerData: object, resourceLimits?: ResourceLimits): Worker {
  const limits = resourceLimits ? { resourceLimits } : {};
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData, ...limits });
  const boot = `const { workerData } = require('node:worker_threads');
import(workerData.boot.tsx).then((api) => api.tsImport(workerData.boot.file, workerData.boot.file));`;
  return new Worker(boot, { eval: true, workerData: { ...workerData, boot: { tsx: tsxEsmApi(), file: entry.href } }, ...limits });
}

/** tsx's ESM API (`tsImport`), by the package's own exports map: require.resolve would give its CommonJS build. */
function tsxEsmApi(): string {
  const pkgFile = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return new URL(pkg.exports['./esm/api']!.import.default, pathToFileURL(pkgFile)).href;
}
