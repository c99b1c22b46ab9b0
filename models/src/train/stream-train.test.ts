import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { csvBasketSource } from '../data/basket-stream.js';
import { syntheticHistory } from '../data/synthetic-history.js';
import { prepareStreamTraining } from './stream-train.js';
import { Reservoir } from './stream-sample.js';

const dir = mkdtempSync(join(tmpdir(), 'vitrina-stream-train-'));

function writeHistory(name: string, baskets: number, customers: number): string {
  const lines = ['customer_id,basket_id,time,item_id'];
  for (const b of syntheticHistory({ baskets, customers, items: 300, seed: 11 })) for (const i of b.items) lines.push(`${b.customerId},${b.basketId},${new Date(b.t).toISOString()},${i}`);
  const path = join(dir, name);
  writeFileSync(path, gzipSync(lines.join('\n')));
  return path;
}

describe('Reservoir', () => {
  it('keeps at most its size, every id while fewer arrive, and the same sample for the same seed', () => {
    const small = new Reservoir(10, 1);
    for (let k = 0; k < 7; k++) small.offer(`u${k}`);
    expect(small.ids).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6']);
    const draw = (seed: number) => {
      const r = new Reservoir(100, seed);
      for (let k = 0; k < 10_000; k++) r.offer(`u${k}`);
      return r.ids;
    };
    expect(draw(3)).toHaveLength(100);
    expect(draw(3)).toEqual(draw(3));
    expect(draw(4)).not.toEqual(draw(3));
    // Uniform: late ids are as likely as early ones (about half the sample from each half).
    const late = draw(3).filter((id) => Number(id.slice(1)) >= 5000).length;
    expect(late).toBeGreaterThan(30);
    expect(late).toBeLessThan(70);
  });
});

describe('prepareStreamTraining', () => {
  it('samples a bounded set of customers and keeps their targets out of the aggregates their features see', async () => {
    const path = writeHistory('history.csv.gz', 4000, 300);
    const p = await prepareStreamTraining(csvBasketSource(path), { sampleUsers: 60, seed: 5, maxCandidates: 40 });
    expect(p.trainSet.users.length + p.valSet.users.length).toBe(60);
    expect(p.valSet.users.length).toBe(5); // round(60 × 0.08)
    expect(new Set([...p.trainSet.users, ...p.valSet.users]).size).toBe(60);
    // Every kept customer's baskets are in the aggregates except the 60 sampled targets.
    const again = await prepareStreamTraining(csvBasketSource(path), { sampleUsers: 1_000_000, seed: 5, maxCandidates: 40, valShare: 0.5 });
    const keptBaskets = again.aggregates.baskets + again.customers; // all customers sampled: aggregates hold histories only
    expect(p.aggregates.baskets).toBe(keptBaskets - 60);
    expect(p.aggregates.customers).toBe(p.customers);
    expect(p.stats.rows).toBeGreaterThan(4000);
    // Same seed, same sample and examples.
    const twin = await prepareStreamTraining(csvBasketSource(path), { sampleUsers: 60, seed: 5, maxCandidates: 40 });
    expect(twin.trainSet.users).toEqual(p.trainSet.users);
    expect(twin.trainSet.features).toEqual(p.trainSet.features);
  }, 60_000);

  it('says why nothing is left when no customer has enough baskets', async () => {
    const path = join(dir, 'thin.csv');
    writeFileSync(path, ['customer_id,basket_id,time,item_id', ...Array.from({ length: 30 }, (_, k) => `c${k},b${k},2025-01-01,i${k % 3}`)].join('\n'));
    await expect(prepareStreamTraining(csvBasketSource(path), { sampleUsers: 10, seed: 1, maxCandidates: 10 })).rejects.toMatchObject({
      code: 'VITRINA_ERR_IMPORT_INVALID',
      message: expect.stringContaining("only 0 customer(s) with 3+ baskets, at least 7 needed to split users 72/8/20 into train, validation and test (30 customers skipped: fewer than 3 baskets"),
    });
  });
});
