import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ScanMetrics } from './scan-metrics.js';

const Summary = Type.Object({
  count: Type.Integer(), window: Type.Integer(),
  p50: Type.Union([Type.Number(), Type.Null()]), p95: Type.Union([Type.Number(), Type.Null()]),
  p99: Type.Union([Type.Number(), Type.Null()]), max: Type.Union([Type.Number(), Type.Null()]),
});

/** GET /api/metrics: recent scan-path timings and process memory, for bench and technicians. */
export function metricsRoutes(metrics: ScanMetrics): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/metrics', {
      schema: { tags: ['health'], response: { 200: Type.Object({ scanMs: Summary, rankMs: Summary, rssMb: Type.Number(), heapUsedMb: Type.Number() }) } },
    }, async () => {
      const mem = process.memoryUsage();
      return { scanMs: metrics.scanMs.summary(), rankMs: metrics.rankMs.summary(), rssMb: Math.round(mem.rss / 1e5) / 10, heapUsedMb: Math.round(mem.heapUsed / 1e5) / 10 };
    });
  };
}
