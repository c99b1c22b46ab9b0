import { describe, expect, it } from 'vitest';
import { createScreenClock } from './screen-clock';

describe('screen clock', () => {
  it('is the real clock unless a simulation is asked for and allowed', () => {
    let real = 1_000;
    expect(createScreenClock(() => real, '?clock=2026-01-01T08:00:00Z', false).now()).toBe(1_000);
    const c = createScreenClock(() => real, '', true);
    real = 2_000;
    expect(c.now()).toBe(2_000);
    expect(c.simulated).toBe(false);
  });

  it('runs from the asked time at the asked speed', () => {
    let real = 50_000;
    const c = createScreenClock(() => real, '?clock=2026-01-01T08:00:00Z&speed=60', true);
    expect(new Date(c.now()).toISOString()).toBe('2026-01-01T08:00:00.000Z');
    real += 1_000; // one real second is a simulated minute
    expect(new Date(c.now()).toISOString()).toBe('2026-01-01T08:01:00.000Z');
    c.set('2026-01-02T00:00:00Z');
    real += 1_000;
    expect(new Date(c.now()).toISOString()).toBe('2026-01-02T00:00:01.000Z');
  });

  it('ignores a time it cannot read and a speed that is not positive', () => {
    const c = createScreenClock(() => 0, '?clock=noon&speed=-3', true);
    expect(c.simulated).toBe(false);
    c.set('2026-01-01T00:00:00Z', -1);
    expect(c.now()).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });
});
