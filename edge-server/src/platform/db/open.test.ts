import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStoreDatabase } from './open.js';

const mode = (path: string) => statSync(path).mode & 0o777;
const roots: string[] = [];
afterEach(() => { for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true }); });
function tempRoot() {
  const root = mkdtempSync(join(tmpdir(), 'vitrina-modes-'));
  roots.push(root);
  return root;
}

describe('the store database at rest', () => {
  it('creates DATA_DIR 0700 and the SQLite file, its WAL and shared-memory files 0600', async () => {
    const dataDir = join(tempRoot(), 'nested', 'data');
    const db = await openStoreDatabase(dataDir);
    try {
      await db.run('CREATE TABLE t (x TEXT)');
      await db.run('INSERT INTO t VALUES (?)', ['shopper data']);
      expect(mode(dataDir)).toBe(0o700);
      for (const f of ['vitrina.sqlite', 'vitrina.sqlite-wal', 'vitrina.sqlite-shm']) expect(mode(join(dataDir, f)), f).toBe(0o600);
    } finally {
      await db.close();
    }
  });

  it('takes group and other permissions off an existing install', async () => {
    const dataDir = join(tempRoot(), 'data');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    const first = await openStoreDatabase(dataDir);
    await first.close();
    for (const f of ['vitrina.sqlite', 'vitrina.sqlite-wal', 'vitrina.sqlite-shm']) writeFileSync(join(dataDir, f), '', { flag: 'a' });
    for (const f of ['vitrina.sqlite', 'vitrina.sqlite-wal', 'vitrina.sqlite-shm']) chmodSync(join(dataDir, f), 0o644);
    chmodSync(dataDir, 0o755);

    const db = await openStoreDatabase(dataDir);
    try {
      expect(mode(dataDir)).toBe(0o700);
      for (const f of ['vitrina.sqlite', 'vitrina.sqlite-wal', 'vitrina.sqlite-shm']) expect(mode(join(dataDir, f)), f).toBe(0o600);
    } finally {
      await db.close();
    }
  });
});
