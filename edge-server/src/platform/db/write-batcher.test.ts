import { describe, expect, it, onTestFinished } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from './database.js';
import { WriteBatcher } from './write-batcher.js';

async function tempDb() {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-batch-'));
  const db = await Database.open(join(dir, 'test.sqlite'));
  onTestFinished(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await db.exec('CREATE TABLE t (v INTEGER NOT NULL CHECK (v >= 0))');
  return db;
}

/** A batcher over table t that records the size of every statement it writes. */
function batcherOn(db: Database, maxRows = 100) {
  const statements: number[] = [];
  const batcher = new WriteBatcher<number>((rows) => {
    statements.push(rows.length);
    return db.run(`INSERT INTO t (v) VALUES ${rows.map(() => '(?)').join(', ')}`, rows);
  }, { maxRows });
  return { batcher, statements };
}

const count = async (db: Database) => (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM t'))!.n;

describe('WriteBatcher (group commit on a real SQLite file)', () => {
  it('writes the appends of one tick as one statement, and each append resolves once its row is committed', async () => {
    const db = await tempDb();
    const { batcher, statements } = batcherOn(db);
    await Promise.all(Array.from({ length: 50 }, (_, i) => batcher.append([i]).then(async () => expect(await db.get('SELECT v FROM t WHERE v = ?', [i])).toBeTruthy())));
    expect(statements).toEqual([50]);
    expect(await count(db)).toBe(50);
  });

  it('puts rows appended while a batch waits for the writer into the next batch, not one write each', async () => {
    const db = await tempDb();
    const { batcher, statements } = batcherOn(db);
    // The writer is busy with a long transaction: the first batch waits behind it.
    let release!: () => void;
    let began!: () => void;
    const inside = new Promise<void>((r) => (began = r));
    const busy = db.transaction(() => {
      began();
      return new Promise<void>((r) => (release = r));
    });
    await inside;
    const first = batcher.append([1]);
    while (statements.length === 0) await new Promise((r) => setImmediate(r)); // the first batch is queued on the writer
    const later = Array.from({ length: 30 }, (_, i) => batcher.append([100 + i]));
    release();
    await Promise.all([busy, first, ...later]);
    expect(statements).toEqual([1, 30]);
    expect(await count(db)).toBe(31);
  });

  it('splits a batch into statements of at most maxRows', async () => {
    const db = await tempDb();
    const { batcher, statements } = batcherOn(db, 16);
    await Promise.all(Array.from({ length: 40 }, (_, i) => batcher.append([i])));
    expect(statements).toEqual([16, 16, 8]);
    expect(await count(db)).toBe(40);
  });

  it('rejects every append of a failed batch, writes none of its rows, and the next batch still works', async () => {
    const db = await tempDb();
    const { batcher } = batcherOn(db);
    const results = await Promise.allSettled([batcher.append([1]), batcher.append([-1])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await count(db)).toBe(0);
    await batcher.append([2]);
    expect(await count(db)).toBe(1);
  });

  it('flush writes what waits and resolves when it is committed', async () => {
    const db = await tempDb();
    const { batcher } = batcherOn(db);
    void batcher.append([7]);
    expect(batcher.pendingRows()).toEqual([7]);
    await batcher.flush();
    expect(await count(db)).toBe(1);
    expect(batcher.pendingRows()).toEqual([]);
  });
});
