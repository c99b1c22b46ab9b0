import type { LiveSegmentsService } from '../../domains/analytics/index.js';

const EVERY_MS = 15 * 60_000;

/**
 * Live segments re-evaluated once per store day: every quarter hour the service evaluates the
 * segments not yet evaluated on the store's today, so the first tick after local midnight does
 * the night's pass and a restart never repeats or skips one. Returns the function that stops it.
 */
export function startNightlySegments(deps: { segments: LiveSegmentsService; log: { error(obj: unknown, msg: string): void } }): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deps.segments.evaluateDue().catch((err: unknown) => deps.log.error({ err }, 'nightly live segments evaluation failed')).finally(() => { running = false; });
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
