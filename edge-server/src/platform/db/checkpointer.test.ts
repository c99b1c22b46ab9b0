import { describe, expect, it, onTestFinished } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { Database } from './database.js';
import { QUIET_ROUNDS_BEFORE_TRIM } from './checkpointer.js';

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

  it('a long WAL all copied is restarted (the file reused, not grown or cut on a commit); once nothing is written for a round, the file is truncated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrina-ckpt-'));
    const file = join(dir, 'test.sqlite');
    const wal = () => statSync(`${file}-wal`).size;
    const db = await Database.open(file, { checkpointIntervalMs: 3_600_000, walRestartFrames: 1000 });
    onTestFinished(async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    });
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL)');
    const write = (commits: number) => Promise.all(Array.from({ length: commits }, (_, i) =>
      db.transaction(async (tx) => {
        for (let j = 0; j < 16; j++) await tx.run('INSERT INTO t (v) VALUES (?)', [Buffer.alloc(16 * 1024, i + j)]);
      })));
    // About 400 frames: a file under the length is left as it is, quiet or not.
    await write(6);
    const short = wal();
    expect(short).toBeGreaterThan(300 * PAGE);
    await db.checkpointInBackground();
    await db.checkpointInBackground();
    expect(wal()).toBe(short);
    await db.run('INSERT INTO t (v) VALUES (?)', [Buffer.alloc(10)]);
    // Past 1000 frames: the round copies them all and restarts the WAL; the next commit writes at
    // its start, and the file keeps its size.
    await write(20);
    const long = wal();
    expect(long).toBeGreaterThan(1000 * PAGE);
    await db.checkpointInBackground();
    await db.run('INSERT INTO t (v) VALUES (?)', [Buffer.alloc(10)]);
    expect((await walState(file)).log).toBeLessThan(10);
    expect(wal()).toBe(long);
    // Rounds with nothing committed in between: once there were enough of them, the store is
    // quiet and the long file is truncated; not before.
    for (let round = 0; round < QUIET_ROUNDS_BEFORE_TRIM; round++) await db.checkpointInBackground();
    expect(wal()).toBe(long);
    await db.checkpointInBackground();
    expect(wal()).toBe(0);
    expect((await db.get<{ n: number }>('SELECT count(*) AS n FROM t'))?.n).toBe(26 * 16 + 2);
  });
});
