import { describe, expect, it, onTestFinished } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { Database } from './database.js';

const PAGE = 4096;

/** What a PASSIVE checkpoint on a fresh connection reports: WAL frames, and how many are in the file. */
function walState(file: string) {
  return new Promise<{ log: number; checkpointed: number }>((resolve, reject) => {
    const conn = new sqlite3.Database(file, sqlite3.OPEN_READWRITE, (err) => {
      if (err) return reject(err);
      conn.get('PRAGMA wal_checkpoint(PASSIVE)', (e, row: { log: number; checkpointed: number }) => {
        conn.close(() => (e ? reject(e) : resolve(row)));
      });
    });
  });
}

describe('checkpoints off the commit path', () => {
  it('a commit leaves the WAL alone however long it grows; the background checkpointer copies it into the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrina-ckpt-'));
    const file = join(dir, 'test.sqlite');
    // The background round is stretched to an hour: only the explicit call below runs it.
    const db = await Database.open(file, { checkpointIntervalMs: 3_600_000 });
    onTestFinished(async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    });
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL)');
    // 12 commits of 1 MiB each: SQLite's automatic checkpoint would have run inside the commit
    // that passed 1000 pages (4 MiB) and restarted the WAL.
    for (let i = 0; i < 12; i++) {
      await db.transaction(async (tx) => {
        for (let j = 0; j < 64; j++) await tx.run('INSERT INTO t (v) VALUES (?)', [Buffer.alloc(16 * 1024, i + j)]);
      });
    }
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(2000 * PAGE);

    await db.checkpointInBackground();
    const after = await walState(file);
    expect(after.log).toBeGreaterThan(2000);
    expect(after.checkpointed).toBe(after.log);
    expect((await db.get<{ n: number }>('SELECT count(*) AS n FROM t'))?.n).toBe(12 * 64);
  });
});
