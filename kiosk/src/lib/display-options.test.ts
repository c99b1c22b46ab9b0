import { describe, expect, it } from 'vitest';
import { createDisplayOptions } from './display-options';

// A stand-in for <html>: the store only touches its dataset.
const element = () => ({ dataset: {} as Record<string, string> }) as unknown as HTMLElement;

describe('display options', () => {
  it('marks the root element while an option is on, and clears it on reset', () => {
    const root = element();
    const store = createDisplayOptions(root);
    store.toggle('largeText');
    store.toggle('highContrast');
    expect(root.dataset).toEqual({ textSize: 'large', contrast: 'high' });
    expect(store.changed()).toBe(true);
    store.toggle('largeText');
    expect(root.dataset).toEqual({ contrast: 'high' });
    store.reset();
    expect(root.dataset).toEqual({});
    expect(store.current()).toEqual({ largeText: false, highContrast: false });
    expect(store.changed()).toBe(false);
  });

  it('tells subscribers of a change, not of a reset that changes nothing', () => {
    const store = createDisplayOptions(element());
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.reset();
    expect(calls).toBe(0);
    store.toggle('highContrast');
    store.reset();
    expect(calls).toBe(2);
    stop();
    store.toggle('largeText');
    expect(calls).toBe(2);
  });
});
