import { describe, expect, it } from 'vitest';
import { WedgeDetector } from './wedge-detector';

/** Types `text` then Enter, `gap` ms apart, starting at `start`; returns what the detector emitted. */
function type(d: WedgeDetector, text: string, gap: number, start = 1000): (string | null)[] {
  const out: (string | null)[] = [];
  let t = start;
  for (const ch of [...text, 'Enter']) {
    out.push(d.push(ch, t));
    t += gap;
  }
  return out.filter((x) => x !== null);
}

describe('WedgeDetector', () => {
  it('recognizes a fast burst of digits ending in Enter as a scan', () => {
    expect(type(new WedgeDetector(), '4006381333931', 8)).toEqual(['4006381333931']);
  });

  it('ignores the same digits typed slowly by a person', () => {
    expect(type(new WedgeDetector(), '4006381333931', 120)).toEqual([]);
  });

  it('treats a gap of exactly 50 ms as slow', () => {
    expect(type(new WedgeDetector(), '123456789', 50)).toEqual([]);
    expect(type(new WedgeDetector(), '123456789', 49)).toEqual(['123456789']);
  });

  it('ignores bursts that are too short to be a card', () => {
    expect(type(new WedgeDetector(), '12345', 5)).toEqual([]);
  });

  it('starts over when a slow key precedes a burst, keeping only the burst', () => {
    const d = new WedgeDetector();
    d.push('9', 0);
    d.push('9', 500); // slow: the person typed this
    expect(type(d, '4006381333931', 5, 2000)).toEqual(['4006381333931']);
  });

  it('a non-digit key inside a burst discards it (garbage wedge input)', () => {
    const d = new WedgeDetector();
    expect(type(d, '400638A1333931', 5)).toEqual([]);
  });

  it('a late Enter after a fast burst is not a scan, and the next burst still works', () => {
    const d = new WedgeDetector();
    let t = 0;
    for (const ch of '4006381333931') d.push(ch, (t += 5));
    expect(d.push('Enter', t + 400)).toBeNull();
    expect(type(d, '5901234123457', 5, t + 1000)).toEqual(['5901234123457']);
  });

  it('drops absurdly long bursts instead of growing without bound', () => {
    expect(type(new WedgeDetector(), '1'.repeat(80), 2)).toEqual([]);
  });
});
