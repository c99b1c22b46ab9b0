import fp from 'fastify-plugin';

export interface RankOptions {
  limit: number;
  /** False without profiling consent: the ranking must not use the shopper's history. */
  personalized: boolean;
  /** Products that must be scored (e.g. those with live offers). */
  candidates?: string[];
}
export interface Recommender {
  rank(customerId: string, opts: RankOptions): Promise<Array<{ productId: string; score: number }>>;
  health(): { status: 'loaded' | 'fallback'; version: string | null; featureVersion: string; reason: string | null };
}

declare module 'fastify' {
  interface FastifyInstance {
    recommend: Recommender;
  }
}

// PLACEHOLDER until the model adapter lands: personal frequency over the candidates.
export default fp(
  async (app) => {
    app.decorate('recommend', {
      async rank(customerId, opts) {
        const counts = new Map<string, number>();
        if (opts.personalized) for (const b of await app.purchases.history.basketsOf(customerId)) for (const p of b.productIds) counts.set(p, (counts.get(p) ?? 0) + 1);
        const pool = opts.candidates ?? [...counts.keys()];
        return pool.map((productId) => ({ productId, score: counts.get(productId) ?? 0 })).sort((a, b) => b.score - a.score).slice(0, opts.limit);
      },
      health: () => ({ status: 'fallback', version: null, featureVersion: 'none', reason: 'model adapter not wired yet' }),
    } satisfies Recommender);
  },
  { name: 'recommend', dependencies: ['purchases'] },
);
