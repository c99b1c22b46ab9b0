/**
 * Where an offer on a restricted product (alcohol, tobacco, …) may appear: never on signage,
 * which any passer-by (a minor too) sees; on the kiosk only where the store allows it
 * (KIOSK_SHOWS_RESTRICTED). Whether a product is restricted is the catalogue's decision
 * (`Catalog.isRestricted`, domains/catalog/restriction.ts), not this domain's.
 */
export function mayShow(surface: 'kiosk' | 'signage', restricted: boolean, kioskShowsRestricted: boolean): boolean {
  if (!restricted) return true;
  return surface === 'kiosk' && kioskShowsRestricted;
}
