import { makeEan13 } from '../../domains/cards/index.js';

/** GS1 prefix 2xx is for in-store numbering; demo loyalty cards are 2990 + serial + check digit. */
export const DEMO_CARD_PREFIX = '2990';

export function demoCardNumber(index: number): string {
  return makeEan13(DEMO_CARD_PREFIX, index + 1);
}
