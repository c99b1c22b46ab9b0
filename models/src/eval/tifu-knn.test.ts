import { describe, expect, it } from 'vitest';
import { seededRandom } from '../data/random.js';
import { nearestK } from '../features/nearest-k.js';
import { TIFU_DEFAULTS, TifuKnn, tifuUserVector, type SparseVector, type TifuParams } from './tifu-knn.js';

/** TIFU-KNN written as the definition reads (every user's distance, a full sort, Map sums): what the index must equal. */
function plainScores(neighbours: readonly (readonly string[][])[], history: readonly string[][], p: TifuParams = TIFU_DEFAULTS): SparseVector {
  const vectors = neighbours.map((h) => tifuUserVector(h, p));
  const own = tifuUserVector(history, p);
  let ownNorm = 0;
  for (const w of own.values()) ownNorm += w * w;
  const dist = vectors.map((v) => {
    let norm = 0, dot = 0;
    for (const [item, w] of v) {
      norm += w * w;
      dot += w * (own.get(item) ?? 0);
    }
    return ownNorm + norm - 2 * dot;
  });
  const order = Array.from(dist.keys()).sort((a, b) => dist[a]! - dist[b]! || a - b);
  const k = Math.min(p.k, order.length);
  const out: SparseVector = new Map();
  for (const [item, w] of own) out.set(item, p.alpha * w);
  const nw = (1 - p.alpha) / Math.max(1, k);
  for (let x = 0; x < k; x++) for (const [item, w] of vectors[order[x]!]!) out.set(item, (out.get(item) ?? 0) + nw * w);
  return out;
}

function randomHistories(seed: number, users: number, items: number): string[][][] {
  const rand = seededRandom(seed);
  return Array.from({ length: users }, () =>
    Array.from({ length: 1 + Math.floor(rand() * 12) }, () => Array.from({ length: 1 + Math.floor(rand() * 6) }, () => `i${Math.floor(rand() ** 2 * items)}`)));
}

describe('TifuKnn', () => {
  it('scores exactly as the plain definition: same items, same order, same values', () => {
    const train = randomHistories(1, 400, 150);
    for (const p of [TIFU_DEFAULTS, { ...TIFU_DEFAULTS, k: 25 }]) {
      const index = new TifuKnn(train, p);
      for (const query of randomHistories(2, 30, 170)) {
        // Query items the train users never bought (i150–i169) stay in, with only their own weight.
        expect([...index.scores(query).entries()]).toEqual([...plainScores(train, query, p).entries()]);
      }
    }
  });

  it('built in slices (TifuKnn.build), scores exactly as built at once, and lets the event loop run between slices', async () => {
    const train = randomHistories(5, 300, 120);
    let turns = 0;
    let ticking = true;
    const tick = () => { turns++; if (ticking) setImmediate(tick); };
    setImmediate(tick);
    const sliced = await TifuKnn.build(train, TIFU_DEFAULTS, 16);
    ticking = false;
    // 300 neighbours, 16 a slice: 18 turns of the loop the build gave away.
    expect(turns).toBeGreaterThanOrEqual(18);
    const whole = new TifuKnn(train);
    for (const query of randomHistories(6, 20, 130)) expect([...sliced.scores(query).entries()]).toEqual([...whole.scores(query).entries()]);
  });

  it('takes the k nearest users by distance, ties to the lower index, in that order', () => {
    const d = [5, 1, 3, 1, 9, 0, 3];
    expect(nearestK(d.length, 4, (u) => d[u]!)).toEqual([5, 1, 3, 2]);
    expect(nearestK(d.length, 10, (u) => d[u]!)).toEqual([5, 1, 3, 2, 6, 0, 4]);
    expect(nearestK(d.length, 0, (u) => d[u]!)).toEqual([]);
  });
});

describe('TifuKnn.scoreItems', () => {
  it('gives each asked item its score from scores(), and 0 for an item with none', () => {
    const train = randomHistories(3, 200, 80);
    const index = new TifuKnn(train);
    for (const query of randomHistories(4, 10, 100)) {
      const all = index.scores(query);
      const asked = ['i0', 'i5', 'i79', 'i95', 'nobody-bought-this', ...query[0]!];
      expect([...index.scoreItems(query, asked)]).toEqual(asked.map((id) => all.get(id) ?? 0));
    }
  });
});
