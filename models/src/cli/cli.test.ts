import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../data/dataset-root.js';

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'models/src/cli/eval.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ...env } });

describe('eval CLI on bad input', () => {
  it('exits with code 2 and says where it looked when the datasets folder is missing', () => {
    const r = run(['--dataset', 'tafeng', '--data', '/nonexistent/datasets']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('VITRINA_ERR_NOT_FOUND: datasets folder not found at /nonexistent/datasets');
    const viaEnv = run(['--dataset', 'completejourney'], { VITRINA_DATASETS: '/nonexistent/env-datasets' });
    expect(viaEnv.status).toBe(2);
    expect(viaEnv.stderr).toContain('/nonexistent/env-datasets');
  }, 30_000);

  it('refuses an empty input file and an unknown flag with a coded one-line error', () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'vitrina-cli-')), 'empty.csv');
    writeFileSync(empty, '');
    const r = run(['--input', empty]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('VITRINA_ERR_IMPORT_INVALID: input file is empty');
    const flag = run(['--colour', 'red']);
    expect(flag.status).toBe(1);
    expect(flag.stderr).toContain('VITRINA_ERR_VALIDATION');
  }, 30_000);
});
