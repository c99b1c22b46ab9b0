import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from './database.js';
import { jsonArray, readJson, readTogether, type JsonRead } from './json-read.js';
import { cachedRead, forgetCached } from './tx-memo.js';

async function tempDb() {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-json-read-'));
  const db = await Database.open(join(dir, 'test.sqlite'));
  onTestFinished(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await db.exec(`CREATE TABLE person (id TEXT PRIMARY KEY, name TEXT, born TEXT);
    CREATE TABLE visit (person_id TEXT NOT NULL, at TEXT NOT NULL, spent INTEGER NOT NULL, note TEXT);
    INSERT INTO person VALUES ('p1', 'Анна "O''Brien"', NULL), ('p2', 'Bob', '1990-02-28');
    INSERT INTO visit VALUES ('p1', '2026-03-02', 250, 'π ≈ 3.14'), ('p1', '2026-01-05', -40, NULL), ('p2', '2026-02-01', 10, 'x');`);
  return db;
}

const personRead = (id: string): JsonRead<{ id: string; name: string | null; born: string | null } | undefined> => ({
  key: `person.row:${id}`,
  sql: "(SELECT json_object('id', id, 'name', name, 'born', born) FROM person WHERE id = ?)",
  params: [id],
  parse: (v) => (typeof v === 'string' ? JSON.parse(v) as { id: string; name: string | null; born: string | null } : undefined),
});
const visitsRead = (id: string): JsonRead<Array<{ at: string; spent: number; note: string | null }>> => ({
  key: `person.visits:${id}`,
  sql: "(SELECT json_group_array(json_object('at', at, 'spent', spent, 'note', note) ORDER BY at) FROM visit WHERE person_id = ?)",
  params: [id],
  parse: (v) => jsonArray(v),
});
const hasVisitRead = (id: string): JsonRead<boolean> => ({
  key: `person.has-visit:${id}`,
  sql: '(SELECT EXISTS (SELECT 1 FROM visit WHERE person_id = ?))',
  params: [id],
  parse: (v) => v === 1,
});
const readsOf = (id: string) => [personRead(id), visitsRead(id), hasVisitRead(id)] as Array<JsonRead<unknown>>;

describe('JSON reads: one statement for several reads', () => {
  it('reads together exactly what each read gives alone, rows in order, text as stored, no row as undefined', async () => {
    const db = await tempDb();
    for (const id of ['p1', 'p2', 'nobody']) {
      const alone = await Promise.all(readsOf(id).map((r) => readJson(db, r)));
      await readTogether(db, readsOf(id));
      expect(readsOf(id).map((r) => db.cache.peek(r.key))).toEqual(alone.map((v) => v ?? undefined));
    }
    expect(await readJson(db, visitsRead('p1'))).toEqual([
      { at: '2026-01-05', spent: -40, note: null },
      { at: '2026-03-02', spent: 250, note: 'π ≈ 3.14' },
    ]);
    expect((await readJson(db, personRead('p1')))?.name).toBe('Анна "O\'Brien"');
    expect(await readJson(db, visitsRead('nobody'))).toEqual([]);
    expect(await readJson(db, hasVisitRead('nobody'))).toBe(false);
    expect(db.cache.peek('person.row:nobody')).toBeUndefined(); // "no such row" is never kept
  });

  it('runs one statement for the keys not cached, and the domains\' own cached reads share it', async () => {
    const db = await tempDb();
    const get = vi.spyOn(db, 'get');
    await cachedRead(db, 'person.row:p1', () => readJson(db, personRead('p1'))); // cached before
    get.mockClear();

    const prefetch = readTogether(db, readsOf('p1'));
    const [visits, has] = await Promise.all([
      cachedRead(db, 'person.visits:p1', () => readJson(db, visitsRead('p1'))),
      cachedRead(db, 'person.has-visit:p1', () => readJson(db, hasVisitRead('p1'))),
    ]);
    await prefetch;
    expect(get).toHaveBeenCalledTimes(1);
    expect(get.mock.calls[0]![0]).not.toContain('FROM person WHERE'); // the cached row is not read again
    expect(visits).toHaveLength(2);
    expect(has).toBe(true);

    await readTogether(db, readsOf('p1')); // everything cached: nothing to read
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('keeps nothing a write forgot while the statement was in flight', async () => {
    const db = await tempDb();
    const prefetch = readTogether(db, readsOf('p2'));
    await db.run("UPDATE visit SET spent = 11 WHERE person_id = 'p2'");
    forgetCached(db, 'person.visits:p2');
    await prefetch;
    expect(db.cache.peek('person.visits:p2')).toBeUndefined();
    expect(await cachedRead(db, 'person.visits:p2', () => readJson(db, visitsRead('p2')))).toEqual([{ at: '2026-02-01', spent: 11, note: 'x' }]);
  });

  it('fails the reads that shared a failed statement, and caches nothing of it', async () => {
    const db = await tempDb();
    const broken: JsonRead<unknown> = { key: 'person.broken:p1', sql: '(SELECT nope FROM person WHERE id = ?)', params: ['p1'], parse: (v) => v };
    const prefetch = readTogether(db, [visitsRead('p1'), broken]);
    const shared = cachedRead(db, 'person.visits:p1', () => readJson(db, visitsRead('p1')));
    await expect(prefetch).rejects.toThrow(/no such column/);
    await expect(shared).rejects.toThrow(/no such column/);
    expect(db.cache.size).toBe(0);
    // The next read of the same key reads again, on its own.
    expect(await cachedRead(db, 'person.visits:p1', () => readJson(db, visitsRead('p1')))).toHaveLength(2);
  });
});
