/**
 * How the recommender reads purchase history, without touching purchases' tables.
 * Baskets are sale receipts; returns are not baskets.
 */
export interface HistoryBasket {
  basketId: string;
  at: string;
  productIds: string[];
}

export interface HistorySource {
  basketsOf(customerId: string): Promise<HistoryBasket[]>;
  allBaskets(): AsyncIterable<HistoryBasket & { customerId: string }>;
}
