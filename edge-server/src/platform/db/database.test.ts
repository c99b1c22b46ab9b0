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

  it('a chunked bulk job lets an interactive write submitted during one chunk commit before its next chunk, also one that arrives through the event loop', async () => {
    const db = await tempDb();
    await db.exec('CREATE TABLE log (seq INTEGER PRIMARY KEY, what TEXT NOT NULL)');
    const log = (what: string) => (tx: { run(sql: string, params: string[]): Promise<unknown> }) => tx.run('INSERT INTO log (what) VALUES (?)', [what]);
    const tills: Array<Promise<unknown>> = [];
    // A bulk job of five chunks, one transaction each, as an import runs them: the next chunk is
    // queued as soon as the previous one committed.
    for (let chunk = 1; chunk <= 5; chunk++) {
      await db.transaction(async (tx) => {
        await tx.run('INSERT INTO t (v) VALUES (?)', [chunk]);
        // A till posts while chunk 2 holds the writer.
        if (chunk === 2) tills.push(db.transaction(log('till during chunk 2')));
        await log(`chunk ${chunk}`)(tx);
      }, { priority: 'bulk' });
      // A scan whose socket message is read by the event loop just as chunk 3 commits: the writer
      // yields after a bulk chunk, so it is queued before the job's next chunk is taken.
      if (chunk === 3) setImmediate(() => tills.push(db.run("INSERT INTO log (what) VALUES ('scan after chunk 3')")));
    }
    await Promise.all(tills);
    const order = (await db.all<{ what: string }>('SELECT what FROM log ORDER BY seq')).map((r) => r.what);
    expect(order).toEqual(['chunk 1', 'chunk 2', 'till during chunk 2', 'chunk 3', 'scan after chunk 3', 'chunk 4', 'chunk 5']);
  });

  it('bulkWork puts every write its code submits in the bulk lane, even one that asks for none', async () => {
    const db = await tempDb();
    await db.exec('CREATE TABLE log (seq INTEGER PRIMARY KEY, what TEXT NOT NULL)');
    const log = (what: string) => db.run('INSERT INTO log (what) VALUES (?)', [what]);
    let release!: () => void;
    let holds!: () => void;
    const held = new Promise<void>((r) => (holds = r));
    // Something holds the writer, so that everything below waits in its lane.
    const holding = db.transaction(() => new Promise<void>((r) => { release = r; holds(); }));
    await held;
    const background = db.bulkWork(async () => Promise.all([log('background 1'), db.transaction((tx) => tx.run("INSERT INTO log (what) VALUES ('background 2')"))]));
    const till = log('till');
    expect(db.queued()).toEqual({ interactive: 1, bulk: 2 });
    release();
    await Promise.all([holding, background, till]);
    expect((await db.all<{ what: string }>('SELECT what FROM log ORDER BY seq')).map((r) => r.what)).toEqual(['till', 'background 1', 'background 2']);
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
