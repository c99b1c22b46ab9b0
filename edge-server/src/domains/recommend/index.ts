import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import type { AggregateStats } from '@vitrina/models/features';
import { RecommendService, type RankOptions, type Ranked } from './service.js';
import type { ModelHealth } from './model-adapter.js';

export type { RankOptions } from './service.js';

export interface Recommender {
  rank(customerId: string, opts: RankOptions): Promise<Ranked>;
  health(): ModelHealth;
  /** Rebuild the store aggregates now (e.g. after a receipt import); runs in the background. */
  refreshAggregates(): Promise<AggregateStats>;
  reloadModel(): Promise<ModelHealth>;
  /** New receipts arrived: refresh the aggregates soon, at most once per debounce window. */
  receiptsChanged(): void;
}

/** Receipts come in bursts at the tills; one refresh a minute after a burst is enough. */
const REFRESH_AFTER_RECEIPTS_MS = 60_000;

declare module 'fastify' {
  interface FastifyInstance {
    recommend: Recommender;
  }
}

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** A relative MODEL_DIR is tried from the working directory, then from the repository root. */
export function resolveModelDir(dir: string): string {
  if (isAbsolute(dir)) return dir;
  const fromCwd = resolve(dir);
  return existsSync(fromCwd) ? fromCwd : resolve(REPO_ROOT, dir);
}

/**
 * The recommender: the ONNX model from MODEL_DIR (watched, hot-swapped) over the features of
 * @vitrina/models, with store aggregates refreshed every 10 minutes and on demand.
 */
export default fp(
  async (app) => {
    const service = await RecommendService.create({
      modelDir: resolveModelDir(app.config.MODEL_DIR),
      history: app.purchases.history,
      watchModel: app.config.NODE_ENV !== 'test',
      refreshIntervalMs: app.config.NODE_ENV === 'test' ? 0 : 10 * 60_000,
      onError: (err) => app.log.error({ err }, 'aggregate refresh failed'),
    });
    const health = service.health();
    if (health.status === 'fallback') app.log.warn({ reason: health.reason }, 'recommendations use the fallback scorer');
    let pending: NodeJS.Timeout | null = null;
    app.decorate('recommend', {
      receiptsChanged() {
        if (pending || app.config.NODE_ENV === 'test') return;
        pending = setTimeout(() => {
          pending = null;
          service.refreshAggregates().catch((err) => app.log.error({ err }, 'aggregate refresh failed'));
        }, REFRESH_AFTER_RECEIPTS_MS).unref();
      },
      rank: (customerId, opts) => service.rank(customerId, opts),
      health: () => service.health(),
      refreshAggregates: () => service.refreshAggregates(),
      reloadModel: () => service.reloadModel(),
    } satisfies Recommender);
    app.addHook('onClose', async () => {
      if (pending) clearTimeout(pending);
      await service.close();
    });
  },
  { name: 'recommend', dependencies: ['purchases'] },
);
