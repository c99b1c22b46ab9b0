import { describe, expect, it, onTestFinished } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from './database.js';
import { migrate, listMigrations, currentVersion } from './migrate.js';

async function tempDb() {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-db-'));
  const db = await Database.open(join(dir, 'test.sqlite'));
  onTestFinished(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)');
  return db;
}

describe('Database (real SQLite file)', () => {
  it('runs in WAL mode with foreign keys on', async () => {
    const db = await tempDb();
    expect((await db.get<{ journal_mode: string }>('PRAGMA journal_mode'))?.journal_mode).toBe('wal');
    expect((await db.get<{ foreign_keys: number }>('PRAGMA foreign_keys'))?.foreign_keys).toBe(1);
  });

  it('keeps every concurrent transaction whole when some roll back (the interleaving trap)', async () => {
    const db = await tempDb();
    // 100 concurrent transactions, each writing two rows with an await between them;
    // every third one fails after its first write and must leave nothing behind.
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.run('INSERT INTO t (id, v) VALUES (?, ?)', [i * 2, i]);
          await new Promise((r) => setImmediate(r));
          if (i % 3 === 0) throw new Error('boom');
          await tx.run('INSERT INTO t (id, v) VALUES (?, ?)', [i * 2 + 1, i]);
        }),
      ),
    );
    const failed = results.filter((r) => r.status === 'rejected').length;
    expect(failed).toBe(34);
    const rows = await db.all<{ v: number; n: number }>('SELECT v, COUNT(*) AS n FROM t GROUP BY v');
    expect(rows).toHaveLength(66);
    for (const r of rows) {
      expect(r.v % 3).not.toBe(0);
      expect(r.n).toBe(2);
    }
  });

  it('never lets a reader see a transaction before it commits', async () => {
    const db = await tempDb();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = db.transaction(async (q) => {
      await q.run('INSERT INTO t (id, v) VALUES (1, 1)');
      await gate;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(await db.get('SELECT * FROM t WHERE id = 1')).toBeUndefined();
    release();
    await tx;
    expect(await db.get('SELECT * FROM t WHERE id = 1')).toEqual({ id: 1, v: 1 });
  });

  it('runs interactive writes before queued bulk ones, each in order within its lane', async () => {
    const db = await tempDb();
    const order: string[] = [];
    const write = (name: string, priority: 'bulk' | 'interactive') => db.transaction(async (tx) => {
      await tx.run('INSERT INTO t (v) VALUES (1)');
      order.push(name);
    }, { priority });
    const bulk = [write('bulk-1', 'bulk'), write('bulk-2', 'bulk'), write('bulk-3', 'bulk')];
    expect(db.queued().bulk).toBeGreaterThan(0);
    // Queued after the bulk job's chunks, but the writer takes them first once the running one ends.
    const interactive = [write('till-1', 'interactive'), db.run('INSERT INTO t (v) VALUES (2)').then(() => order.push('event')), write('till-2', 'interactive')];
    await Promise.all([...bulk, ...interactive]);
    expect(order).toEqual(['bulk-1', 'till-1', 'event', 'till-2', 'bulk-2', 'bulk-3']);
    expect(db.queued()).toEqual({ interactive: 0, bulk: 0 });
  });

  it('keeps the writer going after a write that throws synchronously, and close waits for the queue', async () => {
    const db = await tempDb();
    await expect(db.transaction(() => { throw new Error('sync boom'); })).rejects.toThrow('sync boom');
    const late = db.run('INSERT INTO t (v) VALUES (3)', [], { priority: 'bulk' });
    await late;
    expect(await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM t')).toEqual({ n: 1 });
  });

  it('applies numbered migrations once', async () => {
    const db = await tempDb();
    const v = await migrate(db);
    expect(v).toBe(listMigrations().at(-1)!.version);
    expect(await migrate(db)).toBe(v);
    expect(await currentVersion(db)).toBe(v);
  });
});
