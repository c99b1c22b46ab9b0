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

  it('says why nothing is left when every time is unparsable: count, an example and the accepted forms, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrina-cli-'));
    const bad = join(dir, 'dotted.csv');
    writeFileSync(bad, ['customer_id,basket_id,time,item_id', ...Array.from({ length: 1200 }, (_, k) => `c${k % 40},b${k % 300},20.03.2007 13:00,i${k % 17}`)].join('\n'));
    const r = run(['--input', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`VITRINA_ERR_IMPORT_INVALID: input:${bad}: nothing left to evaluate — 1,200 rows skipped: unparsable time, e.g. '20.03.2007 13:00' — use ISO-8601`);
    const few = join(dir, 'few.csv');
    writeFileSync(few, ['customer_id,basket_id,time,item_id', ...Array.from({ length: 40 }, (_, k) => `c${k % 4},b${k % 12},2007-03-${10 + (k % 12)},i${k % 5}`)].join('\n'));
    const r2 = run(['--input', few]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toContain('only 4 customer(s) with 3+ baskets, at least 7 needed');
  }, 30_000);
});
