import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { serve } from '../http/serve-route.js';
import type { ScanMetrics } from './scan-metrics.js';

/** Recent scan-path timings and process memory (ROUTES.system.metrics), for bench and technicians. */
export function metricsRoutes(metrics: ScanMetrics): FastifyPluginAsyncTypebox {
  return async (app) => {
    serve(app, ROUTES.system.metrics, {}, async () => {
      const mem = process.memoryUsage();
      return { scanMs: metrics.scanMs.summary(), rankMs: metrics.rankMs.summary(), rssMb: Math.round(mem.rss / 1e5) / 10, heapUsedMb: Math.round(mem.heapUsed / 1e5) / 10 };
    });
  };
}
