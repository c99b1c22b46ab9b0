import { describe, expect, it } from 'vitest';
import { KeyedLimiter } from './keyed-limiter.js';

describe('keyed limiter', () => {
  it('allows a burst, then refills at the configured rate, per key', () => {
    let now = 0;
    const l = new KeyedLimiter({ burst: 3, perSecond: 0.5 }, () => now);
    expect([l.take('a'), l.take('a'), l.take('a'), l.take('a')]).toEqual([true, true, true, false]);
    expect(l.take('b')).toBe(true);
    expect(l.retryAfterS('a')).toBe(2);
    now += 1999;
    expect(l.take('a')).toBe(false);
    // A refused attempt does not reset the refill: by 4 s two tokens have come back.
    now += 2001;
    expect([l.take('a'), l.take('a'), l.take('a')]).toEqual([true, true, false]);
  });

  it('keeps at most maxKeys buckets, dropping the oldest', () => {
    const l = new KeyedLimiter({ burst: 1, perSecond: 0.001, maxKeys: 100 }, () => 0);
    for (let i = 0; i < 10_000; i++) l.take(`k${i}`);
    expect(l.size).toBe(100);
  });
});
