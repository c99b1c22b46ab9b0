import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreAggregates } from '@vitrina/models/features';
import { build } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import { readHistorySnapshot } from '../purchases/index.js';
import { buildInWorker, buildOnMainThread } from './aggregates-builder.js';
import { RecommendService, type RecommendServiceOptions } from './service.js';

const MODEL_DIR = resolve(fileURLToPath(new URL('../../../../models/artifacts/current', import.meta.url)));
const open: RecommendService[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

type Services = Awaited<ReturnType<typeof build>>['services'];

async function service(services: Services, opts: Partial<RecommendServiceOptions> = {}) {
  const s = await RecommendService.create({ modelDir: MODEL_DIR, history: services.purchases, dbFile: services.db.file, refreshIntervalMs: 0, watchModel: false, ...opts });
  open.push(s);
  return s;
}

/** The small store plus Ben, who buys bread and milk every week (a real SQLite file). */
async function store() {
  const t = await build();
  await seedSmallStore(t.services);
  await sell(t.services.db, 'cust-ben', 'ben', ['p-bread', 'p-milk'], 4);
  return t.services;
}

async function sell(db: Services['db'], customer: string, tag: string, products: string[], times: number) {
  for (let i = 0; i < times; i++) {
    const id = `r-${tag}-${i}`;
    const at = new Date(Date.now() - (i + 1) * 86_400_000).toISOString();
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO receipts (id, store_id, customer_id, kind, store_time, total_minor, created_at) VALUES (?, 'test', ?, 'sale', ?, 100, ?)", [id, customer, at, at]);
      for (const [k, p] of products.entries()) await tx.run('INSERT INTO receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_minor, discount_minor) VALUES (?, ?, ?, 1, 100, 0)', [id, k + 1, p]);
    });
  }
}

/** A fingerprint of every field of the aggregates: typed arrays by their bytes, the rest by value. */
function fieldHashes(agg: StoreAggregates): Record<string, string> {
  const hash = (v: unknown): string => {
    if (ArrayBuffer.isView(v)) return createHash('sha256').update(Buffer.from(v.buffer, v.byteOffset, v.byteLength)).digest('hex');
    if (v instanceof Map) return createHash('sha256').update(JSON.stringify([...v])).digest('hex');
    if (v && typeof v === 'object') return JSON.stringify(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, hash(x)])));
    return JSON.stringify(v);
  };
  return Object.fromEntries(Object.entries(agg).map(([k, v]) => [k, hash(v)]));
}

/** Worker entries that misbehave, written as plain ES modules (the builder starts a non-.ts entry as it is). */
const entries = mkdtempSync(join(tmpdir(), 'vitrina-agg-worker-'));
afterAll(() => rmSync(entries, { recursive: true, force: true }));
function entry(name: string, source: string): URL {
  const file = join(entries, `${name}.mjs`);
  writeFileSync(file, source);
  return pathToFileURL(file);
}
const HANGS = entry('hangs', 'setInterval(() => {}, 1000); // never answers\n');
const THROWS = entry('throws', "throw new Error('boom in the build');\n");

const SHOPPERS = ['cust-ana', 'cust-ben', 'cust-nobody'];
const rankings = (s: RecommendService) => Promise.all(SHOPPERS.map((id) => s.rank(id, { limit: 10, personalized: true })));

// Each worker loads its module graph through tsx (~3 s of CPU on this box, more when it is busy) and these tests start several.
describe('aggregate refresh in a worker thread that reads SQLite itself (real file, real worker)', { timeout: 180_000 }, () => {
  it('gives exactly the in-process build: every field, byte for byte, and the same rankings', async () => {
    const services = await store();
    // More shoppers and baskets than one page of 7, so the worker pages through the history.
    for (let c = 0; c < 6; c++) await services.db.run("INSERT INTO customers (id, enrolled_at, consents_updated_at) VALUES (?, '2025-01-01', '2025-01-01')", [`cust-${c}`]);
    for (let c = 0; c < 6; c++) await sell(services.db, `cust-${c}`, `c${c}`, [['p-milk', 'p-apples'], ['p-vodka'], ['p-bread', 'p-apples', 'p-milk']][c % 3]!, 1 + c);
    const inWorker = await buildInWorker(services.db.file, { pageSize: 7 }).result;
    const onMain = await buildOnMainThread(services.purchases).result;
    expect(inWorker.threadId).not.toBe(threadId);
    expect(onMain.threadId).toBe(threadId);
    expect(inWorker.agg.nBaskets).toBe(4 + 5 + 21); // Ben, Ana (small store), the six new shoppers
    expect(fieldHashes(inWorker.agg)).toEqual(fieldHashes(onMain.agg));

    const workerService = await service(services, { buildIn: 'worker' });
    const mainService = await service(services, { buildIn: 'main' });
    expect(workerService.aggregatesHealth().builtInThread).not.toBe(threadId);
    expect(await rankings(workerService)).toEqual(await rankings(mainService));

    // After new receipts, a worker refresh and a main-thread refresh still agree.
    await sell(services.db, 'cust-ana', 'ana-more', ['p-bread', 'p-milk'], 3);
    await Promise.all([workerService.refreshAggregates(), mainService.refreshAggregates()]);
    expect(workerService.aggregatesHealth()).toMatchObject({ refreshing: false, lastError: null, failuresInRow: 0, baskets: mainService.aggregateStats().baskets });
    expect(await rankings(workerService)).toEqual(await rankings(mainService));
  });

  it('reads one consistent snapshot while the tills keep committing receipts', async () => {
    const services = await store();
    // Receipts posted during the read, each buying a product of its own, for customers on both
    // sides of the page cursor ('a…' before every page, 'z…' after): a read that saw the
    // database at several moments would hold a later receipt and miss an earlier one.
    const POSTS = 1500;
    await services.db.transaction(async (tx) => {
      for (let i = 0; i < POSTS; i++) {
        await tx.run("INSERT INTO products (id, name, department, category, price_minor, restricted) VALUES (?, 'x', 'Grocery', 'Misc', 100, 0)", [`p-post-${i}`]);
        await tx.run("INSERT INTO customers (id, enrolled_at, consents_updated_at) VALUES (?, '2025-01-01', '2025-01-01')", [`${i % 2 ? 'z' : 'a'}-post-${i}`]);
      }
    });
    for (let c = 0; c < 40; c++) await services.db.run("INSERT INTO customers (id, enrolled_at, consents_updated_at) VALUES (?, '2025-01-01', '2025-01-01')", [`m-${c}`]);
    for (let c = 0; c < 40; c++) await sell(services.db, `m-${c}`, `m${c}`, ['p-milk', 'p-bread'], 2);
    const before = (await buildOnMainThread(services.purchases).result).agg.nBaskets;

    let posted = 0;
    let stop = false;
    const tills = (async () => {
      while (!stop && posted < POSTS) {
        const i = posted;
        await sell(services.db, `${i % 2 ? 'z' : 'a'}-post-${i}`, `post-${i}`, [`p-post-${i}`], 1);
        posted = i + 1;
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const startedAt = posted;
    const { agg } = await buildInWorker(services.db.file, { pageSize: 3 }).result;
    const endedAt = posted;
    stop = true;
    await tills;

    const seen = Array.from({ length: POSTS }, (_, i) => agg.index.has(`p-post-${i}`));
    const k = seen.filter(Boolean).length;
    // Exactly the receipts committed before one moment: a prefix of the posting order.
    expect(seen).toEqual(Array.from({ length: POSTS }, (_, i) => i < k));
    expect(agg.nBaskets).toBe(before + k);
    expect(k).toBeGreaterThanOrEqual(startedAt);
    expect(k).toBeLessThanOrEqual(endedAt);
    expect(endedAt).toBeGreaterThan(startedAt); // receipts were really committed while the worker ran
  });

  it('the snapshot the worker reads through holds still between pages while receipts commit', async () => {
    const services = await store();
    for (const c of ['a-early', 'z-late']) await services.db.run("INSERT INTO customers (id, enrolled_at, consents_updated_at) VALUES (?, '2025-01-01', '2025-01-01')", [c]);
    const committed = async () => {
      const all = [];
      for await (const b of services.purchases.allBaskets()) all.push(b.basketId);
      return all;
    };
    const before = await committed();
    const pages = readHistorySnapshot(services.db.file, 2);
    const read = [(await pages.next()).value!.basketId];
    // Between two pages the tills commit receipts ahead of the cursor and behind it.
    await sell(services.db, 'a-early', 'early', ['p-milk'], 2);
    await sell(services.db, 'z-late', 'late', ['p-milk'], 2);
    for await (const b of pages) read.push(b.basketId);
    expect(read).toEqual(before);
    expect(await committed()).toHaveLength(before.length + 4); // the server's reader sees them
  });

  it('swaps atomically: every rank() during a refresh sees the old aggregates or the new, never a mix', async () => {
    const services = await store();
    const s = await service(services, { buildIn: 'worker' });
    const before = await s.rank('cust-ana', { limit: 5, personalized: false });
    await sell(services.db, 'cust-ben', 'ben-more', ['p-vodka', 'p-apples'], 6);
    const reference = await service(services, { buildIn: 'main' });
    const after = await reference.rank('cust-ana', { limit: 5, personalized: false });
    expect(after).not.toEqual(before);

    const seen: unknown[] = [];
    const refresh = s.refreshAggregates();
    let done = false;
    void refresh.finally(() => (done = true));
    while (!done) {
      seen.push(await s.rank('cust-ana', { limit: 5, personalized: false }));
      await new Promise((r) => setImmediate(r)); // non-personal ranking never leaves the microtask queue by itself
    }
    await refresh;
    seen.push(await s.rank('cust-ana', { limit: 5, personalized: false }));
    for (const r of seen) expect([before, after]).toContainEqual(r);
    expect(seen.at(-1)).toEqual(after);
  });

  it('a worker that hangs is stopped at the timeout; the old aggregates keep serving and health says why', async () => {
    const services = await store();
    const reference = await service(services, { buildIn: 'main' });
    const good = await rankings(reference);
    // The first build has nothing to keep serving: it falls back to the main thread, and says so.
    const s = await service(services, { buildIn: 'worker', workerEntry: HANGS, workerTimeoutMs: 300 });
    expect(s.aggregatesHealth()).toMatchObject({ builtInThread: threadId, failuresInRow: 1, lastError: expect.stringMatching(/timed out after 300 ms/) });
    expect(await rankings(s)).toEqual(good);
    const builtAt = s.aggregatesHealth().builtAt;
    const served = s.aggregateStats();
    const popular = await s.rank('cust-ana', { limit: 5, personalized: false });

    await sell(services.db, 'cust-ben', 'ben-more', ['p-vodka'], 3);
    await expect(s.refreshAggregates()).rejects.toThrow(/aggregate worker timed out after 300 ms/);
    expect(s.aggregatesHealth()).toMatchObject({ builtAt, refreshing: false, failuresInRow: 2, lastError: expect.stringMatching(/timed out/) });
    // Still the aggregates from before the new receipts.
    expect(s.aggregateStats()).toEqual(served);
    expect(await s.rank('cust-ana', { limit: 5, personalized: false })).toEqual(popular);
  });

  it('a worker that throws, or cannot read the database, fails the refresh; retries back off until one succeeds', async () => {
    const services = await store();
    const errors: unknown[] = [];
    const s = await service(services, { buildIn: 'worker', workerEntry: THROWS, retry: { firstMs: 40, maxMs: 160 }, onError: (err) => errors.push(err) });
    expect(s.aggregatesHealth()).toMatchObject({ builtInThread: threadId, lastError: expect.stringMatching(/aggregate worker crashed: boom in the build/) });
    const good = await rankings(s);
    // Retries run by themselves, each failing again: the count grows, the next one is announced, the failures are reported.
    await vi.waitFor(() => expect(s.aggregatesHealth().failuresInRow).toBeGreaterThanOrEqual(3), { timeout: 10_000, interval: 20 });
    expect(s.aggregatesHealth().nextRetryAt).not.toBeNull();
    expect(errors.length).toBeGreaterThanOrEqual(3);
    expect(await rankings(s)).toEqual(good);

    // A real read error: the worker cannot open the file.
    const missing = await service(services, { buildIn: 'worker', dbFile: join(entries, 'no-such-dir', 'vitrina.sqlite') });
    expect(missing.aggregatesHealth()).toMatchObject({ builtInThread: threadId, lastError: expect.stringMatching(/aggregate build failed in the worker: SQLITE_CANTOPEN/) });
    await expect(missing.refreshAggregates()).rejects.toThrow(/SQLITE_CANTOPEN/);

    // A good build clears the failure and the scheduled retry.
    const healthy = await service(services, { buildIn: 'worker', retry: { firstMs: 40, maxMs: 160 } });
    await healthy.refreshAggregates();
    expect(healthy.aggregatesHealth()).toMatchObject({ lastError: null, failuresInRow: 0, nextRetryAt: null });
    expect(healthy.aggregatesHealth().builtInThread).not.toBe(threadId);
  });

  it('without a database file (an in-memory store) builds on the main thread', async () => {
    const services = await store();
    const s = await service(services, { buildIn: 'worker', dbFile: null });
    expect(s.aggregatesHealth()).toMatchObject({ builtInThread: threadId, lastError: null });
  });

  it('coalesces: refreshes asked for while one runs share one follow-up build', async () => {
    const services = await store();
    const s = await service(services, { buildIn: 'worker' });
    const first = s.refreshAggregates();
    const second = s.refreshAggregates();
    const third = s.refreshAggregates();
    expect(third).toBe(second);
    expect(second).not.toBe(first);
    expect(s.aggregatesHealth().refreshing).toBe(true);
    await Promise.all([first, second, third]);
    expect(s.aggregatesHealth().refreshing).toBe(false);
  });

  it('close() terminates a build in progress; its caller is told, nothing is left running', async () => {
    const services = await store();
    const s = await service(services, { buildIn: 'worker' });
    open.length = 0;
    const refresh = s.refreshAggregates();
    const queued = s.refreshAggregates();
    await s.close();
    await expect(refresh).rejects.toThrow(/aggregate worker exited/);
    await expect(queued).rejects.toThrow(/closed/);
    await expect(s.refreshAggregates()).rejects.toThrow(/closed/);
  });
});
