import { fallbackScores, ownBasketCounts, type HistoryBasket, type StoreAggregates } from '@vitrina/models/features';
import { DEFAULT_BASELINE, type BaselineName } from '@vitrina/models/ranker-choice';
import { TifuKnn } from '@vitrina/models/tifu-knn';
import type { HistorySource } from '../purchases/index.js';

/**
 * Serves a named baseline (models/src/eval/baselines.ts, tifu-knn.ts) over the candidates of
 * one shopper, when the store's last decision found no trained model that beats it. Scores
 * only order the candidates, so each baseline's ranking is encoded as numbers: own counts
 * dominate (≥ 1), tie-breaks and popularity stay below 1.
 */
export class BaselineRanker {
  private current: BaselineName = DEFAULT_BASELINE;
  private tifu: TifuKnn | null = null;

  constructor(private readonly history: HistorySource) {}

  get name(): BaselineName {
    return this.current;
  }

  /** Switches the served baseline; TIFU-KNN first builds its neighbour index from every shopper's history. */
  async use(name: BaselineName): Promise<void> {
    if (name === 'TIFU-KNN') this.tifu = await this.buildTifu();
    else this.tifu = null;
    this.current = name;
  }

  score(history: readonly HistoryBasket[], agg: StoreAggregates, candidates: readonly string[]): Float32Array {
    const pop = (id: string) => {
      const i = agg.index.get(id);
      return i === undefined ? 0 : 1 / (2 + agg.rankAll[i]!);
    };
    switch (this.current) {
      case 'G-TopFreq':
        return Float32Array.from(candidates, pop);
      case 'P-TopFreq':
      case 'GP-TopFreq': {
        // Own count, ties in first-seen order; GP pads with popularity, P leaves the rest at 0.
        const own = ownBasketCounts(history);
        const firstSeen = new Map([...own.keys()].map((id, k) => [id, k]));
        const padded = this.current === 'GP-TopFreq';
        return Float32Array.from(candidates, (id) => {
          const n = own.get(id);
          if (n === undefined) return padded ? pop(id) : 0;
          return n + 0.5 * (1 - firstSeen.get(id)! / (own.size + 1));
        });
      }
      case 'TIFU-KNN': {
        const s = this.tifu?.scoreItems(history.map((b) => [...b.items]), candidates) ?? new Float64Array(candidates.length);
        // TIFU scores are at most 1; popularity (× 1e-3) only orders the items it left unscored.
        return Float32Array.from(candidates, (id, i) => s[i]! + 1e-3 * pop(id));
      }
      default:
        return fallbackScores(history, agg, candidates);
    }
  }

  private async buildTifu(): Promise<TifuKnn> {
    const byCustomer = new Map<string, Array<{ t: number; items: string[] }>>();
    for await (const b of this.history.allBaskets()) {
      const list = byCustomer.get(b.customerId) ?? [];
      list.push({ t: Date.parse(b.at), items: b.productIds });
      byCustomer.set(b.customerId, list);
    }
    // Built in slices with a turn of the event loop between them: scans go on meanwhile.
    return TifuKnn.build([...byCustomer.values()].map((l) => l.sort((a, b) => a.t - b.t).map((b) => b.items)));
  }
}
