import { describe, expect, it } from 'vitest';
import { defaultRule, minorOf, optionalNumber, RULE_KINDS } from './segment-rules';

describe('segment rule form helpers', () => {
  it('gives every kind a default the server accepts in shape', () => {
    for (const kind of RULE_KINDS) expect(defaultRule(kind).kind).toBe(kind);
    expect(defaultRule('spend')).toEqual({ kind: 'spend', days: 90, minMinor: 10000 });
  });

  it('reads bounds and money as typed', () => {
    expect(optionalNumber('')).toBeUndefined();
    expect(optionalNumber(' 7 ')).toBe(7);
    expect(minorOf('12,50')).toBe(1250);
    expect(minorOf('3000')).toBe(300000);
    expect(minorOf('abc')).toBeUndefined();
  });
});
