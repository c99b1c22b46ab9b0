import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEan13 } from '../../domains/cards/index.js';
import { MEMBER_COLUMNS } from '../../usecases/members-import/index.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

/** `npm run import -- members <file> --json`, as a store runs it. */
function runImport(file: string, dataDir: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'edge-server/src/cli/import.ts', 'members', file, '--json'], {
      cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, STORE_ID: 'cli-test', LOG_LEVEL: 'silent', DEMO_SEED: 'false', NODE_ENV: 'test' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run import -- members', () => {
  it('prints a one-line JSON report and exits 0 when the file was read; a second run imports nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrina-members-cli-'));
    dirs.push(dir);
    const file = join(dir, 'members.csv');
    writeFileSync(file, [
      MEMBER_COLUMNS.join(','),
      `X1,Ana,Smith,,${makeEan13('2770', 7)},,,1,0,0,2024-01-01,v1,100`,
      `X2,Ben,Jones,,${makeEan13('2770', 7)},,,1,0,0,2024-01-01,v1,0`,
    ].join('\n'));
    const first = await runImport(file, join(dir, 'store'));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(first.stdout)).toMatchObject({ membersImported: 1, openingPointsCredited: 100, rowsRejected: 1, rejected: [{ line: 3, externalId: 'X2', code: 'VITRINA_ERR_CONFLICT' }] });
    const again = await runImport(file, join(dir, 'store'));
    expect(JSON.parse(again.stdout)).toMatchObject({ membersImported: 0, membersSkippedExisting: 1, openingPointsCredited: 0 });
  });

  it('exits 1 with the code on stderr and prints no report when the file is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrina-members-cli-'));
    dirs.push(dir);
    const file = join(dir, 'members.csv');
    writeFileSync(file, 'external_id,first_name\nX1,Ana\n');
    const r = await runImport(file, join(dir, 'store'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('VITRINA_ERR_IMPORT_INVALID');
  });
});
