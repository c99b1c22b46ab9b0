/**
 * Token buckets by key (a device, an account), for the slow brute force that a per-address
 * HTTP limit cannot see: `burst` attempts at once, refilled at `perSecond`. Keys are kept in
 * insertion order and the oldest are dropped beyond `maxKeys`, so a flood of distinct keys
 * cannot grow memory. The clock is injectable for tests.
 */
export class KeyedLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly opts: { burst: number; perSecond: number; maxKeys?: number },
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes one token for `key`; false when its bucket is empty (the caller refuses the attempt). */
  take(key: string): boolean {
    const now = this.now();
    const b = this.buckets.get(key);
    const tokens = b ? Math.min(this.opts.burst, b.tokens + ((now - b.at) / 1000) * this.opts.perSecond) : this.opts.burst;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return false;
    }
    this.buckets.delete(key); // re-inserted as the newest
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    const max = this.opts.maxKeys ?? 10_000;
    while (this.buckets.size > max) this.buckets.delete(this.buckets.keys().next().value!);
    return true;
  }

  /** Seconds until `key` has a token again (0 when it has one now). */
  retryAfterS(key: string): number {
    const b = this.buckets.get(key);
    if (!b) return 0;
    const tokens = Math.min(this.opts.burst, b.tokens + ((this.now() - b.at) / 1000) * this.opts.perSecond);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.opts.perSecond);
  }

  get size() {
    return this.buckets.size;
  }
}
