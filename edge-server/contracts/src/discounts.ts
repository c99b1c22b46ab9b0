import { LiteralUnion } from './common.js';

/**
 * The kinds of discount an offer or a promotion gives, listed once. The TypeBox schema, the
 * TypeScript type and the console's choices derive from this list, and discounts.test.ts holds
 * the database's CHECK constraints (edge-server/src/platform/db/migrations) to it, so a new kind cannot
 * reach one layer and not the others.
 *
 * percent: 0–100 % off; amount: minor units off; points: bonus points; price: a fixed price.
 */
export const DISCOUNT_KINDS = ['percent', 'amount', 'points', 'price'] as const;
export type DiscountKind = (typeof DISCOUNT_KINDS)[number];

// anyOf of literals (not `enum`): the JSON Schema, and so the server's validation messages,
// stay exactly what they were when each union was written out by hand.
export const DiscountKind = LiteralUnion(DISCOUNT_KINDS);
