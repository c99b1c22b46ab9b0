import { Type, type Static } from 'typebox';

const Ms = Type.Union([Type.Number(), Type.Null()]);

/** Percentiles over the most recent `window` samples (null before the first one). */
export const TimingSummary = Type.Object({ count: Type.Integer(), window: Type.Integer(), p50: Ms, p95: Ms, p99: Ms, max: Ms });
export type TimingSummary = Static<typeof TimingSummary>;

/** GET /api/metrics: recent scan-path timings (ms) and process memory (MB), for bench and technicians. */
export const Metrics = Type.Object({ scanMs: TimingSummary, rankMs: TimingSummary, rssMb: Type.Number(), heapUsedMb: Type.Number() });
export type Metrics = Static<typeof Metrics>;
