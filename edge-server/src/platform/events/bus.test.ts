import { describe, expect, it } from 'vitest';
import { EventBus } from './bus.js';

describe('event bus', () => {
  it('delivers to every listener of that event only, and survives a listener that throws', async () => {
    const errors: string[] = [];
    const bus = new EventBus<{ a: { n: number }; b: { s: string } }>((_err, event) => errors.push(event));
    const seen: number[] = [];
    bus.on('a', () => { throw new Error('boom'); });
    bus.on('a', ({ n }) => { seen.push(n); });
    bus.on('a', async () => { throw new Error('async boom'); });
    const off = bus.on('b', () => { seen.push(-1); });
    bus.publish('a', { n: 1 });
    off();
    bus.publish('b', { s: 'x' });
    await Promise.resolve();
    expect(seen).toEqual([1]);
    expect(errors).toEqual(['a', 'a']);
  });
});
