/**
 * A fixed-size ring of recent samples with percentiles: enough for "how long does a scan take
 * right now" without a metrics stack. Old samples fall out, so memory stays constant.
 */
export class RecentHistogram {
  private readonly samples: Float64Array;
  private next = 0;
  private filled = 0;
  private total = 0;

  constructor(capacity = 4096) {
    this.samples = new Float64Array(capacity);
  }

  record(value: number) {
    this.samples[this.next] = value;
    this.next = (this.next + 1) % this.samples.length;
    this.filled = Math.min(this.filled + 1, this.samples.length);
    this.total++;
  }

  summary() {
    const sorted = Array.from(this.samples.subarray(0, this.filled)).sort((a, b) => a - b);
    const at = (q: number) => (sorted.length ? round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!) : null);
    return { count: this.total, window: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.length ? round(sorted[sorted.length - 1]!) : null };
  }
}

const round = (v: number) => Math.round(v * 1000) / 1000;
