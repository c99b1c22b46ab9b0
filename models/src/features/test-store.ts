import type { EvalDataset, SequenceUser } from '../data/types.js';
import { seededRandom } from '../data/random.js';

/** A small synthetic store for tests: customers with habits plus popular items. */
export function syntheticDataset(customers = 60, items = 40, seed = 3): EvalDataset {
  const rand = seededRandom(seed);
  const users = new Map<string, SequenceUser>();
  for (let c = 0; c < customers; c++) {
    const habit = [`i${c % items}`, `i${(c * 7) % items}`];
    const n = 3 + Math.floor(rand() * 5);
    const baskets: string[][] = [];
    for (let b = 0; b <= n; b++) {
      const basket = new Set<string>();
      for (const h of habit) if (rand() < 0.7) basket.add(h);
      basket.add(`i${Math.floor(rand() ** 2 * items)}`);
      baskets.push([...basket]);
    }
    users.set(`c${c}`, { id: `c${c}`, history: baskets.slice(0, -1), future: baskets[baskets.length - 1]! });
  }
  const ids = [...users.keys()];
  const nTrain = Math.round(customers * 0.72), nVal = Math.round(customers * 0.08);
  return { name: 'synthetic', users, train: ids.slice(0, nTrain), val: ids.slice(nTrain, nTrain + nVal), test: ids.slice(nTrain + nVal), popRanking: [] };
}
