import { describe, expect, expectTypeOf, it } from 'vitest';
// Tests run in Node and may read the repo; the contracts source itself stays Node-free.
// eslint-disable-next-line no-restricted-imports
import { readdirSync, readFileSync } from 'node:fs';
import type { Static } from 'typebox';
import { Value } from 'typebox/value';
import { DISCOUNT_KINDS, DiscountKind } from './discounts.js';
import { discountText } from './discount-text.js';
import { CreateCampaignOfferRequest, PromotionDiscount } from './promotions.js';

const MIGRATIONS = new URL('../../src/platform/db/migrations/', import.meta.url);

/** Every `CHECK (<discount kind or type column> IN ('a', 'b', …))` in the server's migrations. */
function discountKindChecks(): { file: string; column: string; kinds: string[] }[] {
  const found: { file: string; column: string; kinds: string[] }[] = [];
  for (const file of readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort()) {
    const sql = readFileSync(new URL(file, MIGRATIONS), 'utf8');
    for (const m of sql.matchAll(/CHECK\s*\(\s*(\w*discount_(?:kind|type)\w*)\s+IN\s*\(([^)]*)\)\s*\)/gi)) {
      found.push({ file, column: m[1]!, kinds: [...m[2]!.matchAll(/'([^']*)'/g)].map((k) => k[1]!) });
    }
  }
  return found;
}

describe('discount kinds', () => {
  it('are the ones the database CHECK constraints allow, in every migration that lists them', () => {
    const checks = discountKindChecks();
    // offers.discount_kind in 001_core.sql at least: an empty match would prove nothing.
    expect(checks.map((c) => `${c.file}:${c.column}`)).toContain('001_core.sql:discount_kind');
    for (const c of checks) expect({ ...c, kinds: [...c.kinds].sort() }).toEqual({ ...c, kinds: [...DISCOUNT_KINDS].sort() });
  });

  it('are what offers, campaign offers and promotions accept, and nothing else', () => {
    for (const kind of DISCOUNT_KINDS) {
      expect(Value.Check(DiscountKind, kind)).toBe(true);
      expect(Value.Check(PromotionDiscount, { type: kind, value: 1 })).toBe(true);
      expect(Value.Check(CreateCampaignOfferRequest, { productId: 'p1', title: 't', discountKind: kind, discountValue: 1 })).toBe(true);
    }
    expect(Value.Check(DiscountKind, 'bogo')).toBe(false);
    expect(Value.Check(PromotionDiscount, { type: 'bogo', value: 1 })).toBe(false);
  });

  it('type every schema built from the list as the list’s members', () => {
    expectTypeOf<Static<typeof DiscountKind>>().toEqualTypeOf<DiscountKind>();
    expectTypeOf<Static<typeof PromotionDiscount>['type']>().toEqualTypeOf<DiscountKind>();
    expectTypeOf<Static<typeof CreateCampaignOfferRequest>['discountKind']>().toEqualTypeOf<DiscountKind>();
    expectTypeOf<DiscountKind>().toEqualTypeOf<'percent' | 'amount' | 'points' | 'price'>();
  });
});

describe('discountText', () => {
  it('says what the edge server has always printed on kiosk and signage offers', () => {
    expect(discountText('percent', 20)).toBe('20% off');
    expect(discountText('amount', 100)).toBe('$1.00 off');
    expect(discountText('points', 1000)).toBe('1000 bonus points');
    expect(discountText('price', 299)).toBe('Now $2.99');
  });

  it('takes the caller’s number formatting, never other words', () => {
    const format = { money: (minor: number) => `€${minor / 100}`, count: (n: number) => n.toLocaleString('en-US') };
    expect(discountText('amount', 150, format)).toBe('€1.5 off');
    expect(discountText('points', 1000, format)).toBe('1,000 bonus points');
    expect(discountText('price', 299, { money: (minor) => `€${minor / 100}` })).toBe('Now €2.99');
    expect(discountText('percent', 5, format)).toBe('5% off');
  });
});
