import { describe, expect, it } from 'vitest';
import type { ProductDetail } from '@vitrina/contracts';
import { productFormFrom, productFormProblems, productRequestFrom } from './product-form';

const stored: ProductDetail = {
  id: 'p-1', name: 'Lager 0.5 l', shortName: null, article: 'A-1', brand: null, barcodes: ['4006381333931'], groupId: null, groupPath: [], department: 'Grocery',
  category: 'Beer', unit: 'pc', priceMinor: 199, vatRate: '20', image: null, active: true, restricted: true, restrictedKind: null, egais: false, needsReview: false,
  source: 'manual', updatedAt: null, priceHistory: [], prices: [],
};

describe('the product editor form', () => {
  it('sends only what changed, so a rename does not re-decide restriction', () => {
    const f = productFormFrom(stored);
    expect(f.price).toBe('1.99');
    expect(productRequestFrom({ ...f, name: 'Lager 0,5 l' }, stored)).toEqual({ name: 'Lager 0,5 l' });
    expect(productRequestFrom({ ...f, price: '2.49', barcodes: '4006381333931  96385074' }, stored)).toEqual({ priceMinor: 249, barcodes: ['4006381333931', '96385074'] });
    expect(productRequestFrom({ ...f, category: 'Soft drinks' }, stored)).toEqual({ category: 'Soft drinks' });
  });

  it('builds a new product with ids, money in minor units, and empty fields left out or null', () => {
    const f = { ...productFormFrom(null), id: ' sku-9 ', name: 'Tea', price: '3.5', restrictedKind: 'tobacco' };
    expect(productRequestFrom(f, null)).toMatchObject({ id: 'sku-9', name: 'Tea', priceMinor: 350, restrictedKind: 'tobacco', shortName: null, barcodes: [] });
    expect(productRequestFrom(f, null)).not.toHaveProperty('department');
  });

  it('says what is wrong in words', () => {
    const f = productFormFrom(null);
    expect(productFormProblems({ ...f, id: 'bad id', name: '' }, true)).toEqual([
      'The id may hold letters, digits and _ . : - only (at most 64).', 'Give the product a name.',
    ]);
    expect(productFormProblems({ ...f, id: 'x', name: 'X', barcodes: '123', price: '1.999', vatRate: '20%' }, true)).toHaveLength(3);
    expect(productFormProblems({ ...f, id: 'x', name: 'X', vatRate: 'none' }, true)).toEqual([]);
  });
});
