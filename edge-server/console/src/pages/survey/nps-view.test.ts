import { describe, expect, it } from 'vitest';
import { bandOf, bandShares, chipIdFrom, reasonLabel } from './nps-view';

describe('NPS view helpers', () => {
  it('put scores in their bands and share them out', () => {
    expect([0, 6, 7, 8, 9, 10].map(bandOf)).toEqual(['detractors', 'detractors', 'passives', 'passives', 'promoters', 'promoters']);
    expect(bandShares({ answers: 4, promoters: 2, passives: 1, detractors: 1 })).toEqual({ detractors: 0.25, passives: 0.25, promoters: 0.5 });
    expect(bandShares({ answers: 0, promoters: 0, passives: 0, detractors: 0 }).promoters).toBeNull();
  });

  it('label chips in the reader language and make ids for new ones', () => {
    const reasons = [{ id: 'prices', labels: { en: 'Prices', ru: 'Цены' } }];
    expect(reasonLabel('prices', reasons, 'ru')).toBe('Цены');
    expect(reasonLabel('prices', reasons, 'en')).toBe('Prices');
    expect(reasonLabel('gone', reasons, 'en')).toBe('gone');
    expect(chipIdFrom('Checkout speed!', [])).toBe('checkout-speed');
    expect(chipIdFrom('Prices', ['prices'])).toBe('prices-2');
    expect(chipIdFrom('Цены', [])).toBe('reason');
  });
});
