import { describe, expect, it, onTestFinished } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from './database.js';
import { migrate } from './migrate.js';
import { checkDatabaseFile, databaseInUse, schemaVersionOf, snapshotDatabase } from './backup.js';

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-backup-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(file: string) {
  const db = await Database.open(file);
  onTestFinished(() => db.close());
  return db;
}

describe('snapshotDatabase (VACUUM INTO)', () => {
  it('copies a consistent snapshot while another connection keeps committing pairs of rows', async () => {
    const dir = tempDir();
    const db = await open(join(dir, 'live.sqlite'));
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, pair INTEGER NOT NULL, pad TEXT NOT NULL)');
    // Enough data that the copy takes a while, then a writer that never stops during it.
    await db.transaction(async (tx) => {
      for (let i = 0; i < 4000; i++) await tx.run('INSERT INTO t (pair, pad) VALUES (?, ?)', [-1, 'x'.repeat(200)]);
    });
    let pairs = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const p = pairs;
        await db.transaction(async (tx) => {
          await tx.run('INSERT INTO t (pair, pad) VALUES (?, ?)', [p, 'a']);
          await new Promise((r) => setImmediate(r));
          await tx.run('INSERT INTO t (pair, pad) VALUES (?, ?)', [p, 'b']);
        });
        pairs++;
      }
    })();
    while (pairs < 20) await new Promise((r) => setTimeout(r, 1));
    const before = pairs;
    await snapshotDatabase(join(dir, 'live.sqlite'), join(dir, 'copy.sqlite'));
    const after = pairs;
    expect(after).toBeGreaterThan(before); // the writer kept committing during the copy
    writing = false;
    await writer;

    const copy = await open(join(dir, 'copy.sqlite'));
    const rows = await copy.all<{ pair: number; n: number }>('SELECT pair, COUNT(*) AS n FROM t WHERE pair >= 0 GROUP BY pair ORDER BY pair');
    expect(rows.every((r) => r.n === 2)).toBe(true); // no half transaction
    expect(rows.map((r) => r.pair)).toEqual(rows.map((_, i) => i)); // a prefix of the commits
    expect(rows.length).toBeGreaterThanOrEqual(before);
    expect(rows.length).toBeLessThanOrEqual(after);
    expect((await checkDatabaseFile(join(dir, 'copy.sqlite'))).ok).toBe(true);
  });

  it('writes a self-contained rollback-journal file and refuses to overwrite one', async () => {
    const dir = tempDir();
    const db = await open(join(dir, 'live.sqlite'));
    await db.exec('CREATE TABLE t (v INTEGER)');
    await db.run('INSERT INTO t (v) VALUES (1)');
    await snapshotDatabase(join(dir, 'live.sqlite'), join(dir, 'copy.sqlite'));
    const header = readFileSync(join(dir, 'copy.sqlite')).subarray(18, 20);
    expect([...header]).toEqual([1, 1]); // not WAL: nothing else to carry along
    expect(existsSync(join(dir, 'copy.sqlite-wal'))).toBe(false);
    await expect(snapshotDatabase(join(dir, 'live.sqlite'), join(dir, 'copy.sqlite'))).rejects.toThrow(/already exists/);
    await expect(snapshotDatabase(join(dir, 'missing.sqlite'), join(dir, 'other.sqlite'))).rejects.toThrow(/does not exist/);
  });
});

describe('checkDatabaseFile', () => {
  it('answers ok for a sound file and not ok for a damaged one', async () => {
    const dir = tempDir();
    const db = await open(join(dir, 'live.sqlite'));
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, pad TEXT)');
    await db.transaction(async (tx) => {
      for (let i = 0; i < 500; i++) await tx.run('INSERT INTO t (pad) VALUES (?)', ['y'.repeat(300)]);
    });
    await snapshotDatabase(join(dir, 'live.sqlite'), join(dir, 'copy.sqlite'));
    expect(await checkDatabaseFile(join(dir, 'copy.sqlite'))).toEqual({ ok: true, integrity: ['ok'], quick: ['ok'] });

    // Scribble over a few pages in the middle of the table.
    const bytes = readFileSync(join(dir, 'copy.sqlite'));
    bytes.fill(0x5a, 4096 * 3, 4096 * 3 + 2000);
    writeFileSync(join(dir, 'broken.sqlite'), bytes);
    const broken = await checkDatabaseFile(join(dir, 'broken.sqlite'));
    expect(broken.ok).toBe(false);

    writeFileSync(join(dir, 'text.sqlite'), 'not a database at all, but long enough to have a header'.repeat(100));
    expect((await checkDatabaseFile(join(dir, 'text.sqlite'))).ok).toBe(false);
  });
});

describe('databaseInUse', () => {
  it('is true while a connection holds the file open, false once it is closed or when there is no file', async () => {
    const dir = tempDir();
    const file = join(dir, 'live.sqlite');
    expect(await databaseInUse(file)).toEqual({ inUse: false });
    const db = await Database.open(file);
    await db.exec('CREATE TABLE t (v INTEGER)');
    expect(await databaseInUse(file)).toEqual({ inUse: true });
    await db.close();
    expect(await databaseInUse(file)).toEqual({ inUse: false });
  });

  it("is 'unknown' for a file that is not a database", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'junk.sqlite'), 'junk'.repeat(1000));
    expect((await databaseInUse(join(dir, 'junk.sqlite'))).inUse).toBe('unknown');
  });
});

describe('schemaVersionOf', () => {
  it('reads the migration version of a file against the latest migration', async () => {
    const dir = tempDir();
    const db = await Database.open(join(dir, 'store.sqlite'));
    const latest = await migrate(db);
    await db.close();
    expect(await schemaVersionOf(join(dir, 'store.sqlite'))).toEqual({ version: latest, latest });

    const other = await Database.open(join(dir, 'other.sqlite'));
    await other.exec('CREATE TABLE t (v INTEGER)');
    await other.close();
    expect((await schemaVersionOf(join(dir, 'other.sqlite'))).version).toBe(0);
  });
});
