export { createScanMetrics, type ScanMetrics } from './scan-metrics.js';
export { metricsRoutes } from './routes.js';
export { RecentHistogram } from './histogram.js';
