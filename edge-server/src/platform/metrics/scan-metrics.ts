import { RecentHistogram } from './histogram.js';

export interface ScanMetrics {
  /** Whole scan path inside the server: recognize → rank → offers → emit (ms). */
  scanMs: RecentHistogram;
  /** Ranking alone: features + model scoring (ms). */
  rankMs: RecentHistogram;
}

export function createScanMetrics(): ScanMetrics {
  return { scanMs: new RecentHistogram(), rankMs: new RecentHistogram() };
}
