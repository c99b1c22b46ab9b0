import { countSkip, type Basket, type EvalDataset, type SequenceUser, type SkipCounts, type SkipExamples } from './types.js';
import { seededShuffle } from './random.js';

/** Orders each customer's baskets by time (ties: load order) and groups them. */
export function groupByCustomer(baskets: Basket[]): Map<string, Basket[]> {
  const byCustomer = new Map<string, Basket[]>();
  for (const b of baskets) {
    const list = byCustomer.get(b.customerId);
    if (list) list.push(b);
    else byCustomer.set(b.customerId, [b]);
  }
  for (const list of byCustomer.values()) list.sort((a, b) => a.t - b.t);
  return byCustomer;
}

export interface ProtocolOptions {
  minBaskets: number;
  minItemCount: number;
  seed: number;
}

/**
 * The next-basket protocol on any history: items seen fewer than minItemCount times are
 * dropped, then customers with fewer than minBaskets baskets (counted as skips); each
 * customer's last basket is the target; users are split 72/8/20 with a seeded shuffle.
 */
export function buildProtocolDataset(name: string, baskets: Basket[], opts: ProtocolOptions, skipped: SkipCounts = {}, examples: SkipExamples = {}): EvalDataset {
  const itemCount = new Map<string, number>();
  for (const b of baskets) for (const i of b.items) itemCount.set(i, (itemCount.get(i) ?? 0) + 1);
  const users = new Map<string, SequenceUser>();
  for (const [id, list] of groupByCustomer(baskets)) {
    const kept = list.map((b) => b.items.filter((i) => (itemCount.get(i) ?? 0) >= opts.minItemCount)).filter((items) => items.length > 0);
    if (kept.length < opts.minBaskets) {
      countSkip(skipped, `customer_fewer_than_${opts.minBaskets}_baskets`, examples, `${id} (${kept.length} basket${kept.length === 1 ? '' : 's'})`);
      continue;
    }
    users.set(id, { id, history: kept.slice(0, -1), future: kept[kept.length - 1]! });
  }
  const ids = seededShuffle([...users.keys()].sort(), opts.seed);
  const nTrain = Math.round(ids.length * 0.72);
  const nVal = Math.round(ids.length * 0.08);
  return {
    name,
    users,
    train: ids.slice(0, nTrain),
    val: ids.slice(nTrain, nTrain + nVal),
    test: ids.slice(nTrain + nVal),
    popRanking: historyPopularity(users),
  };
}

/** Items by count over all users' history rows; ties by first appearance. */
export function historyPopularity(users: Map<string, SequenceUser>): string[] {
  const count = new Map<string, number>();
  for (const u of users.values()) for (const b of u.history) for (const i of b) count.set(i, (count.get(i) ?? 0) + 1);
  const order = [...count.keys()];
  const pos = new Map(order.map((id, k) => [id, k]));
  return order.sort((a, b) => count.get(b)! - count.get(a)! || pos.get(a)! - pos.get(b)!);
}
