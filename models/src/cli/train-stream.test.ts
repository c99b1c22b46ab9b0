import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../data/dataset-root.js';
import { syntheticHistory } from '../data/synthetic-history.js';

const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'models/src/cli/train.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

describe('models:train --stream', () => {
  it('trains from a streamed file on a sample of customers and writes the artifact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrina-train-stream-'));
    const lines = ['customer_id,basket_id,time,item_id'];
    for (const b of syntheticHistory({ baskets: 3000, customers: 250, items: 200, seed: 2 })) for (const i of b.items) lines.push(`${b.customerId},${b.basketId},${new Date(b.t).toISOString()},${i}`);
    const input = join(dir, 'history.csv.gz');
    writeFileSync(input, gzipSync(lines.join('\n')));
    const out = join(dir, 'model');
    const r = run(['--input', input, '--stream', '--sample-users', '100', '--epochs', '1', '--out', out, '--no-progress']);
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(summary.stream).toMatchObject({ sampledTrain: 92, sampledVal: 8, rows: lines.length - 1, baskets: 3000 });
    expect(summary.stream.peakRssMb).toBeGreaterThan(0);
    expect(r.stderr).toContain('pass 1:');
    expect(existsSync(join(out, 'model.onnx'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')).training).toMatchObject({ users: 92, valUsers: 8 });
  }, 300_000);

  it('refuses --stream without a file or database to stream', () => {
    const r = run(['--dataset', 'tafeng', '--stream']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('VITRINA_ERR_IMPORT_INVALID: --stream reads --input <file> or --from-db <path>, not --dataset');
  }, 90_000);
});
