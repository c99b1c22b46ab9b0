/**
 * How the demo store's offered products read on a card, and their pictures — set through the
 * catalogue's own update (`shortName`, `image`), as a store's staff would in the console or the
 * CSV. Products not listed here get the cleaned catalogue name and the card's placeholder.
 */
export const DEMO_PRODUCT_DISPLAY: Record<string, { shortName?: string; image?: string }> = {
  '1082185': { shortName: 'Bananas', image: '/media/products/bananas.svg' },
  '995242': { shortName: 'White Milk', image: '/media/products/milk.svg' },
  '1029743': { shortName: 'White Milk 1 gal', image: '/media/products/milk.svg' },
  '981760': { shortName: 'Eggs X-Large, dozen', image: '/media/products/eggs.svg' },
  '840361': { shortName: 'Eggs Large, dozen', image: '/media/products/eggs.svg' },
  '923746': { shortName: 'Eggs Large, 18', image: '/media/products/eggs.svg' },
  '994928': { shortName: 'Eggs Medium, dozen', image: '/media/products/eggs.svg' },
  '1127831': { shortName: 'Strawberries 16 oz', image: '/media/products/strawberries.svg' },
  '5569230': { shortName: 'Soft Drinks, 12 oz cans', image: '/media/products/soft-drinks.svg' },
  '908531': { shortName: 'Chocolate Milk', image: '/media/products/milk.svg' },
  '1044078': { shortName: 'Lean Beef' },
  '844179': { shortName: 'Primal Beef' },
};

/**
 * One offer per name a shopper reads: the coupon data offers several products the catalogue
 * names alike ("Fluid Milk White Only 1 ga" under three ids, at three discounts), which would
 * read as duplicate cards. The first offer of each name is kept.
 */
export function onePerName<T extends [string, ...unknown[]]>(offers: readonly T[], nameOf: (productId: string) => string | undefined): T[] {
  const seen = new Set<string>();
  return offers.filter(([productId]) => {
    const name = (nameOf(productId) ?? productId).trim().toLowerCase();
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}
