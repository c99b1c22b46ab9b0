import { describe, expect, it } from 'vitest';
import type { SignageTakeover } from '@vitrina/contracts';
import { normalizeTakeover } from './use-takeover';

const offer = (i: number) => ({ offerId: `o${i}`, productName: `P${i}`, displayName: `P${i}`, imageUrl: null, category: 'C', priceMinor: 100, offerPriceMinor: 90, discountText: '10% off' });
const takeover = (n: number, durationMs: number): SignageTakeover => ({
  takeoverId: 't',
  zoneId: 'z',
  durationMs,
  offers: Array.from({ length: n }, (_, i) => offer(i)),
});

describe('normalizeTakeover', () => {
  it('shows at most four offers', () => {
    expect(normalizeTakeover(takeover(6, 10_000))?.offers.map((o) => o.offerId)).toEqual(['o0', 'o1', 'o2', 'o3']);
  });
  it('clamps the time on screen', () => {
    expect(normalizeTakeover(takeover(1, 10))?.durationMs).toBe(3_000);
    expect(normalizeTakeover(takeover(1, 10_000_000))?.durationMs).toBe(120_000);
    expect(normalizeTakeover(takeover(1, 12_000))?.durationMs).toBe(12_000);
  });
  it('a takeover without offers is ignored', () => {
    expect(normalizeTakeover(takeover(0, 10_000))).toBeNull();
  });
});
