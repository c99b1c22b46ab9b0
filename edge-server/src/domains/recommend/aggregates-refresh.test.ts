import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import type { HistorySource } from '../purchases/index.js';
import { RecommendService, type RecommendServiceOptions } from './service.js';

const MODEL_DIR = resolve(fileURLToPath(new URL('../../../../models/artifacts/current', import.meta.url)));
const open: RecommendService[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function service(history: HistorySource, opts: Partial<RecommendServiceOptions> = {}) {
  const s = await RecommendService.create({ modelDir: MODEL_DIR, history, refreshIntervalMs: 0, watchModel: false, ...opts });
  open.push(s);
  return s;
}

/** The small store plus Ben, who buys bread and milk every week (real SQLite). */
async function store() {
  const t = await build();
  await seedSmallStore(t.services);
  await sell(t.services.db, 'cust-ben', 'ben', ['p-bread', 'p-milk'], 4);
  return t.services;
}

async function sell(db: Awaited<ReturnType<typeof build>>['services']['db'], customer: string, tag: string, products: string[], times: number) {
  for (let i = 0; i < times; i++) {
    const id = `r-${tag}-${i}`;
    const at = new Date(Date.now() - (i + 1) * 86_400_000).toISOString();
    await db.run("INSERT INTO receipts (id, store_id, customer_id, kind, store_time, total_minor, created_at) VALUES (?, 'test', ?, 'sale', ?, 100, ?)", [id, customer, at, at]);
    for (const [k, p] of products.entries()) await db.run('INSERT INTO receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_minor, discount_minor) VALUES (?, ?, ?, 1, 100, 0)', [id, k + 1, p]);
  }
}

/** Counts full history reads (one per build) and can be made to fail from the next read on. */
function observed(history: HistorySource) {
  const state = { reads: 0, failWith: null as Error | null, extra: [] as Array<{ customerId: string; basketId: string; at: string; productIds: string[] }> };
  const source: HistorySource = {
    basketsOf: (id) => history.basketsOf(id),
    async *allBaskets() {
      state.reads++;
      if (state.failWith) throw state.failWith;
      yield* history.allBaskets();
      yield* state.extra;
    },
  };
  return { source, state };
}

const SHOPPERS = ['cust-ana', 'cust-ben', 'cust-nobody'];
const rankings = (s: RecommendService) => Promise.all(SHOPPERS.map((id) => s.rank(id, { limit: 10, personalized: true })));

describe('aggregate refresh in a worker thread (real SQLite, real worker)', () => {
  it('builds in a worker and ranks exactly as the synchronous build on the main thread does', async () => {
    const services = await store();
    const inWorker = await service(services.purchases, { buildIn: 'worker' });
    const onMain = await service(services.purchases, { buildIn: 'main' });
    expect(inWorker.aggregatesHealth().builtInThread).not.toBe(threadId);
    expect(onMain.aggregatesHealth().builtInThread).toBe(threadId);
    expect(inWorker.aggregateStats()).toEqual(onMain.aggregateStats());
    expect(await rankings(inWorker)).toEqual(await rankings(onMain));
    expect(await inWorker.rank('cust-ana', { limit: 10, personalized: false })).toEqual(await onMain.rank('cust-ana', { limit: 10, personalized: false }));

    // After new receipts, a worker refresh and a main-thread refresh still agree.
    await sell(services.db, 'cust-ana', 'ana-more', ['p-bread', 'p-milk'], 3);
    await Promise.all([inWorker.refreshAggregates(), onMain.refreshAggregates()]);
    expect(inWorker.aggregatesHealth()).toMatchObject({ refreshing: false, lastError: null, baskets: onMain.aggregateStats().baskets });
    expect(await rankings(inWorker)).toEqual(await rankings(onMain));
  });

  it('swaps atomically: every rank() during a refresh sees the old aggregates or the new, never a mix', async () => {
    const services = await store();
    const s = await service(services.purchases, { buildIn: 'worker' });
    const before = await s.rank('cust-ana', { limit: 5, personalized: false });
    await sell(services.db, 'cust-ben', 'ben-more', ['p-vodka', 'p-apples'], 6);
    const reference = await service(services.purchases, { buildIn: 'main' });
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

  it('a worker that dies keeps the old aggregates serving and says why in health', async () => {
    const services = await store();
    const { source, state } = observed(services.purchases);
    const s = await service(source, { buildIn: 'worker', workerMemoryMb: 24 });
    const good = await rankings(s);
    const builtAt = s.aggregatesHealth().builtAt;
    // The store "grows" past the worker's heap cap: 60,000 baskets of distinct products.
    for (let b = 0; b < 60_000; b++) state.extra.push({ customerId: `big-${b % 5000}`, basketId: `x${b}`, at: '2025-01-01T00:00:00Z', productIds: Array.from({ length: 8 }, (_, k) => `big-product-${b}-${k}`) });

    await expect(s.refreshAggregates()).rejects.toThrow(/aggregate worker/);
    expect(s.aggregatesHealth()).toMatchObject({ builtAt, refreshing: false, lastError: expect.stringMatching(/aggregate worker (crashed|exited)/) });
    expect(await rankings(s)).toEqual(good);

    // A history read that fails is reported the same way; the next good refresh clears the error.
    state.extra.length = 0;
    state.failWith = new Error('disk I/O error');
    await expect(s.refreshAggregates()).rejects.toThrow(/reading the history for the aggregates failed: disk I\/O error/);
    expect(await rankings(s)).toEqual(good);
    state.failWith = null;
    await s.refreshAggregates();
    expect(s.aggregatesHealth().lastError).toBeNull();
    expect(await rankings(s)).toEqual(good);
  });

  it('coalesces: refreshes asked for while one runs share one follow-up build', async () => {
    const services = await store();
    const { source, state } = observed(services.purchases);
    const s = await service(source, { buildIn: 'worker' });
    expect(state.reads).toBe(1);
    const first = s.refreshAggregates();
    const second = s.refreshAggregates();
    const third = s.refreshAggregates();
    expect(third).toBe(second);
    expect(second).not.toBe(first);
    expect(s.aggregatesHealth().refreshing).toBe(true);
    await Promise.all([first, second, third]);
    expect(state.reads).toBe(3); // the first build at create, the running one, one follow-up
    expect(s.aggregatesHealth().refreshing).toBe(false);
  });

  it('close() terminates a build in progress; its caller is told, nothing is left running', async () => {
    const services = await store();
    const s = await service(services.purchases, { buildIn: 'worker' });
    open.length = 0;
    const refresh = s.refreshAggregates();
    const queued = s.refreshAggregates();
    await s.close();
    await expect(refresh).rejects.toThrow(/aggregate worker exited/);
    await expect(queued).rejects.toThrow(/closed/);
    await expect(s.refreshAggregates()).rejects.toThrow(/closed/);
  });
});
