/**
 * `npm run attack`: every attack probe in turn against real server processes on loopback, each
 * printing one JSON line `{ "probe", "ok", …figures }`; exit 1 if any probe fails.
 * `--only <name>` runs one. The demo store is seeded once here and copied by every probe.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seedTemplate, TEMPLATE_ENV } from './harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROBES = ['fuzz-http', 'fuzz-socket', 'races', 'kill-9', 'brute-force', 'scan-flood-memory', 'privacy', 'shutdown'];
/** Each probe's own bound; a probe that overruns is killed and counted as failed. */
const PROBE_TIMEOUT_MS = 150_000;

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
if (only && !PROBES.includes(only)) {
  process.stderr.write(`unknown probe ${only}; one of: ${PROBES.join(', ')}\n`);
  process.exit(2);
}

const started = Date.now();
const template = process.env[TEMPLATE_ENV] ?? (await seedTemplate());
let failures = 0;
try {
  for (const probe of PROBES) {
    if (only && probe !== only) continue;
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', `edge-server/attack/${probe}.ts`], {
      cwd: ROOT, env: { ...process.env, [TEMPLATE_ENV]: template }, stdio: ['ignore', 'inherit', 'inherit'], timeout: PROBE_TIMEOUT_MS, killSignal: 'SIGTERM',
    });
    if (r.status !== 0) {
      failures++;
      // A probe that crashed or timed out printed no verdict of its own.
      if (r.signal || r.status !== 1) process.stdout.write(`${JSON.stringify({ probe, ok: false, reason: r.signal ? `killed by ${r.signal} after ${Date.now() - t0} ms` : `exited with ${r.status}` })}\n`);
    }
  }
} finally {
  if (!process.env[TEMPLATE_ENV]) rmSync(template, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify({ probe: 'summary', ok: failures === 0, failed: failures, seconds: Math.round((Date.now() - started) / 1000) })}\n`);
process.exit(failures === 0 ? 0 : 1);
