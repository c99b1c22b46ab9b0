/**
 * The committed demo seed (edge-server/seed/demo-seed.json.gz), derived from the Complete
 * Journey data (CC0) by `npm run demo:seed-build`. Compact tuples keep it well under 2 MB.
 */
export interface DemoSeed {
  source: string;
  builtAt: string;
  /** The latest transaction instant in the data; the seeder shifts history so it lands on "yesterday". */
  lastInstant: string;
  /** [productId, name, department, category, brand, priceMinor] */
  products: Array<[string, string, string, string, string, number | null]>;
  /** [householdId, ageBand|null] */
  households: Array<[string, string | null]>;
  /** [householdId, basketId, isoInstant, [[productId, quantity, salesMinor, discountMinor], ...]] */
  baskets: Array<[string, string, string, Array<[string, number, number, number]>]>;
  /** [productId, campaignType, couponDiscountPercent] from the coupons file, for live offers. */
  offers: Array<[string, string, number]>;
}
