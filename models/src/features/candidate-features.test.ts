import { describe, expect, it } from 'vitest';
import { buildCandidateFeatures, FEATURE_CONTRACT, FEATURE_COUNT, StoreAggregates } from './index.js';
import { F } from './contract.js';
import { aggregateBaskets, buildTrainExamples, heldOutExamples } from '../eval/examples.js';
import { syntheticDataset } from './test-store.js';

const store = () => {
  const baskets = [
    { customerId: 'a', basketId: '1', t: 1, items: ['milk', 'bread'] },
    { customerId: 'a', basketId: '2', t: 2, items: ['milk', 'butter'] },
    { customerId: 'b', basketId: '1', t: 1, items: ['bread', 'jam'] },
    { customerId: 'b', basketId: '2', t: 2, items: ['bread', 'jam', 'tea'] },
    { customerId: 'c', basketId: '1', t: 1, items: ['coffee'] },
    { customerId: 'c', basketId: '2', t: 2, items: ['coffee', 'tea'] },
    { customerId: 'd', basketId: '1', t: 5, items: ['tea'] },
  ];
  return StoreAggregates.build(baskets, { topN: 5 });
};
const row = (f: Float32Array, r: number) => Array.from(f.subarray(r * FEATURE_COUNT, (r + 1) * FEATURE_COUNT));

describe('candidate generation', () => {
  it('takes own items, then items bought with them, then best-sellers, without duplicates', () => {
    const agg = store();
    const { candidates, features } = buildCandidateFeatures([{ t: 1, items: ['bread'] }, { t: 2, items: ['bread', 'milk'] }], agg, { maxCandidates: 6 });
    expect(candidates.slice(0, 2).sort()).toEqual(['bread', 'milk']);
    expect(candidates).toContain('jam'); // co-bought with bread
    expect(new Set(candidates).size).toBe(candidates.length);
    expect(features.length).toBe(candidates.length * FEATURE_COUNT);
    const bread = row(features, candidates.indexOf('bread'));
    expect(bread[F.own_count_log]).toBeCloseTo(Math.log1p(2));
    expect(bread[F.in_last_basket]).toBe(1);
    expect(row(features, candidates.indexOf('jam'))[F.in_history]).toBe(0);
    expect(row(features, candidates.indexOf('jam'))[F.cooc_score]).toBeGreaterThan(0);
  });

  it('respects maxCandidates and serves a customer with no history from popularity', () => {
    const agg = store();
    const none = buildCandidateFeatures([], agg, { maxCandidates: 3 });
    expect(none.candidates).toHaveLength(3);
    expect(none.candidates[0]).toBe('tea'); // in the latest basket of three customers
  });

  it('gives the same answer twice (scratch state is reset between calls)', () => {
    const agg = store();
    const h = [{ t: 1, items: ['coffee', 'unknown-item'] }];
    const first = buildCandidateFeatures(h, agg, { maxCandidates: 8 });
    buildCandidateFeatures([{ t: 1, items: ['milk', 'jam'] }], agg, { maxCandidates: 8 });
    expect(buildCandidateFeatures(h, agg, { maxCandidates: 8 })).toEqual(first);
  });

  it('reports bounded memory with sparse neighbour lists', () => {
    const s = store().stats();
    expect(s).toMatchObject({ items: 6, customers: 4, baskets: 7 });
    expect(FEATURE_CONTRACT.names).toHaveLength(FEATURE_COUNT);
  });
});

describe('no leakage', () => {
  it('features for a target basket depend only on earlier baskets', () => {
    const agg = store();
    const history = [{ t: 1, items: ['bread'] }, { t: 2, items: ['milk'] }];
    const before = buildCandidateFeatures(history, agg, { maxCandidates: 7 });
    // The same earlier baskets with different later baskets, as a training prefix sees them:
    const longer = [...history, { t: 3, items: ['coffee', 'tea'] }];
    const prefix = buildCandidateFeatures(longer.slice(0, 2), agg, { maxCandidates: 7 });
    expect(prefix).toEqual(before);
  });

  it("a train user's examples never see that user's own target through the store aggregates", () => {
    const ds = syntheticDataset();
    const base = buildTrainExamples(ds, 3, 20);
    const id = ds.train[0]!;
    const user = ds.users.get(id)!;
    const changed = { ...ds, users: new Map(ds.users) };
    changed.users.set(id, { ...user, future: ['i39', 'i38', 'brand-new'] });
    const after = buildTrainExamples(changed, 3, 20);
    const row0 = (s: typeof base) => ({ c: s.candidates[0], f: Array.from(s.features.subarray(0, 20 * FEATURE_COUNT)) });
    expect(row0(after)).toEqual(row0(base));
    // ...while the labels do follow the new target, so the check above is not vacuous.
    expect(Array.from(after.labels.subarray(0, 20))).not.toEqual(Array.from(base.labels.subarray(0, 20)));
    // and another fold's user does see it (the aggregates really include train futures).
    const other = StoreAggregates.build(aggregateBaskets(changed, new Set([id])));
    expect(other.index.has('brand-new')).toBe(true);
  });
});

describe('held-out examples for the selection', () => {
  it("are built against aggregates without the held users' own targets", () => {
    const ds = syntheticDataset();
    const id = ds.train[0]!;
    const held = (d: typeof ds) => heldOutExamples(d, d.train, 20)([id, ds.train[1]!]);
    const changed = { ...ds, users: new Map(ds.users) };
    changed.users.set(id, { ...ds.users.get(id)!, future: ['i39', 'i38', 'brand-new'] });
    const [before, after] = [held(ds), held(changed)];
    expect(after.users).toEqual([id, ds.train[1]]);
    expect(Array.from(after.features)).toEqual(Array.from(before.features));
    expect(after.candidates).toEqual(before.candidates);
    expect(Array.from(after.labels)).not.toEqual(Array.from(before.labels));
  });
});

describe('scoring given items', () => {
  it('scores exactly the items asked for, in order, leaving out unknown ones', () => {
    const agg = store();
    const r = buildCandidateFeatures([{ t: 1, items: ['bread'] }], agg, { maxCandidates: 300, only: ['tea', 'not-sold-here', 'bread', 'tea'] });
    expect(r.candidates).toEqual(['tea', 'bread']);
    expect(row(r.features, 1)[F.in_history]).toBe(1);
  });
});
