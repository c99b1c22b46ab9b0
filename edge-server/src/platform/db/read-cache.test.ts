import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database, type Queryable } from './database.js';
import { ReadCache } from './read-cache.js';
import { cachedRead, forgetCached } from './tx-memo.js';

async function tempDb() {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-cache-'));
  const file = join(dir, 'test.sqlite');
  const db = await Database.open(file);
  onTestFinished(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL); INSERT INTO t VALUES (1, 10);');
  return { db, file };
}

const readV = (q: Database) => cachedRead(q, 't.v:1', async () => (await q.get<{ v: number }>('SELECT v FROM t WHERE id = 1'))?.v);
/** A repository's write: the row, then the cache forgets it (at commit inside a transaction). */
async function writeV(q: Parameters<typeof forgetCached>[0], v: number) {
  await q.run('UPDATE t SET v = ? WHERE id = 1', [v]);
  forgetCached(q, 't.v:1');
}

describe('the database read cache', () => {
  it('answers from memory until the writer forgets, and forgets only once the transaction commits', async () => {
    const { db } = await tempDb();
    expect(await readV(db)).toBe(10);
    await db.run('UPDATE t SET v = 11 WHERE id = 1'); // a write that forgets nothing: the cache still answers 10
    expect(await readV(db)).toBe(10);

    let readInside: number | undefined;
    await db.transaction(async (tx) => {
      await writeV(tx, 12);
      readInside = await readV(db); // not committed yet: the committed value, still cached
    });
    expect(readInside).toBe(10);
    expect(await readV(db)).toBe(12);

    await db.transaction(async (tx) => {
      await writeV(tx, 13);
      throw new Error('rolled back');
    }).catch(() => undefined);
    expect(await readV(db)).toBe(12);
    await writeV(db, 14); // outside a transaction: forgotten right after the write
    expect(await readV(db)).toBe(14);
  });

  it('does not keep a read that was in flight while a forget happened', async () => {
    const cache = new ReadCache();
    let release: (v: number) => void = () => undefined;
    const slow = cache.read('k', () => new Promise<number>((r) => { release = r; }));
    cache.forget('k');
    release(1); // what it read may predate the write that forgot
    expect(await slow).toBe(1);
    expect(cache.peek('k')).toBeUndefined();
    expect(await cache.read('k', async () => 2)).toBe(2);
    expect(cache.peek('k')).toBe(2);
  });

  it('forgets a whole area, one shopper in every area, and the least recently used beyond its size', async () => {
    const cache = new ReadCache(3);
    for (const k of ['a:1', 'a:2', 'b:1']) await cache.read(k, async () => k);
    cache.forget('a:');
    expect(cache.keys()).toEqual(['b:1']);
    for (const k of ['a:1', 'c:1', 'c:2']) await cache.read(k, async () => k);
    expect(cache.keys()).toEqual(['a:1', 'c:1', 'c:2']); // b:1 evicted
    cache.forgetSubject('1');
    expect(cache.keys()).toEqual(['c:2']);
    expect(await cache.read('none', async () => undefined)).toBeUndefined();
    expect(cache.keys()).toEqual(['c:2']); // no such row: never kept
  });

  it('clears when another connection (another process) commits to the same file', async () => {
    const { db, file } = await tempDb();
    expect(await readV(db)).toBe(10);
    const other = await Database.open(file);
    onTestFinished(() => other.close());
    await other.run('UPDATE t SET v = 20 WHERE id = 1');
    await vi.waitFor(async () => expect(await readV(db)).toBe(20), { timeout: 10_000, interval: 200 });
  });

  describe('inside a transaction (a till receipt reads committed rows without the writer)', () => {
    /** readV with a counter of the statements it ran (the load), through any Queryable. */
    function countingRead() {
      let loads = 0;
      const read = (q: Queryable) => cachedRead(q, 't.v:1', async () => { loads++; return (await q.get<{ v: number }>('SELECT v FROM t WHERE id = 1'))?.v; });
      return { read, loads: () => loads };
    }

    it('answers from the cache until the transaction writes the row, then reads its own write', async () => {
      const { db } = await tempDb();
      const { read, loads } = countingRead();
      expect(await read(db)).toBe(10); // cached
      const loadsBefore = loads();
      const seen = await db.transaction(async (tx) => {
        const before = await read(tx);
        const loadsInside = loads() - loadsBefore;
        await writeV(tx, 11);
        return { before, loadsInside, after: await read(tx) };
      });
      expect(seen).toEqual({ before: 10, loadsInside: 0, after: 11 }); // the first read in the transaction ran no statement
      expect(loads() - loadsBefore).toBe(1);
      expect(await read(db)).toBe(11); // forgotten at commit
    });

    it('a write before a savepoint that rolled back still hides the cached row', async () => {
      const { db } = await tempDb();
      const { read } = countingRead();
      expect(await read(db)).toBe(10);
      const after = await db.transaction(async (tx) => {
        await writeV(tx, 11);
        await tx.savepoint(async () => { throw new Error('one bad receipt'); }).catch(() => undefined); // clears the memo
        return read(tx);
      });
      expect(after).toBe(11);
    });

    it('does not trust the cache once another connection committed (PRAGMA data_version)', async () => {
      const { db, file } = await tempDb();
      const { read } = countingRead();
      expect(await read(db)).toBe(10);
      expect(await db.transaction((tx) => read(tx))).toBe(10);
      const other = await Database.open(file);
      onTestFinished(() => other.close());
      await other.run('UPDATE t SET v = 20 WHERE id = 1');
      expect(await db.transaction((tx) => read(tx))).toBe(20); // not the 10 still cached a moment ago
    });

    it('copies a row list into the transaction for write-through, leaving the cached one as it was', async () => {
      const { db } = await tempDb();
      const list = (q: Queryable) => cachedRead(q, 't.list', async () => (await q.all<{ v: number }>('SELECT v FROM t')).map((r) => r.v), { copyForTx: (xs) => [...xs] });
      const cached = await list(db);
      await db.transaction(async (tx) => {
        const mine = await list(tx);
        expect(mine).not.toBe(cached);
        mine.push(99); // as a repository's write-through would
        expect(await list(tx)).toEqual([10, 99]);
      });
      expect(cached).toEqual([10]);
      expect(await list(db)).toBe(cached);
    });
  });
});
