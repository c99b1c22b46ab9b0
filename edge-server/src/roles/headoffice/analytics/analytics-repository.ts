import type { Database } from '../../../platform/db/database.js';

export interface StoreKpiRow {
  storeId: string;
  receipts: number;
  salesMinor: number;
  saleReceipts: number;
  memberReceipts: number;
  members: number;
  pointsEarned: number;
  pointsRedeemed: number;
  promoters: number;
  detractors: number;
  surveyAnswers: number;
  plays: number;
}

/** Read model over what the stores sent up: KPIs per store and the shoppers a chain campaign reached. */
export class ChainAnalyticsRepository {
  constructor(private readonly db: Database) {}

  /** Per registered store over [from, to] (store-local receipt days; ledger, survey and plays by their UTC day). */
  kpis(from: string, to: string): Promise<StoreKpiRow[]> {
    return this.db.all<StoreKpiRow>(
      `SELECT s.id AS storeId,
              COALESCE(r.receipts, 0) AS receipts, COALESCE(r.salesMinor, 0) AS salesMinor, COALESCE(r.saleReceipts, 0) AS saleReceipts,
              COALESCE(r.memberReceipts, 0) AS memberReceipts, COALESCE(r.members, 0) AS members,
              COALESCE(l.earned, 0) AS pointsEarned, COALESCE(l.redeemed, 0) AS pointsRedeemed,
              COALESCE(v.promoters, 0) AS promoters, COALESCE(v.detractors, 0) AS detractors, COALESCE(v.answers, 0) AS surveyAnswers,
              COALESCE(p.plays, 0) AS plays
         FROM hq_stores s
         LEFT JOIN (SELECT store_id, COUNT(*) AS receipts, SUM(total_minor) AS salesMinor, SUM(kind = 'sale') AS saleReceipts,
                           SUM(customer_ref IS NOT NULL) AS memberReceipts, COUNT(DISTINCT customer_ref) AS members
                      FROM hq_receipts WHERE local_date BETWEEN $from AND $to GROUP BY store_id) r ON r.store_id = s.id
         LEFT JOIN (SELECT store_id, SUM(CASE WHEN kind = 'earn' THEN points ELSE 0 END) AS earned,
                           -SUM(CASE WHEN kind = 'redeem' THEN points ELSE 0 END) AS redeemed
                      FROM hq_ledger WHERE substr(occurred_at, 1, 10) BETWEEN $from AND $to GROUP BY store_id) l ON l.store_id = s.id
         LEFT JOIN (SELECT store_id, SUM(score >= 9) AS promoters, SUM(score <= 6) AS detractors, COUNT(*) AS answers
                      FROM hq_survey_answers WHERE substr(occurred_at, 1, 10) BETWEEN $from AND $to GROUP BY store_id) v ON v.store_id = s.id
         LEFT JOIN (SELECT store_id, COUNT(*) AS plays
                      FROM hq_proof_of_play WHERE substr(occurred_at, 1, 10) BETWEEN $from AND $to GROUP BY store_id) p ON p.store_id = s.id
        ORDER BY s.region, s.id`,
      { $from: from, $to: to },
    );
  }

  /**
   * The shoppers a campaign could reach at one store — members scanned at a kiosk in its window —
   * with their sales (less returns) and sale receipts in that window.
   */
  reachedShoppers(storeId: string, from: string, to: string) {
    return this.db.all<{ customerId: string; revenueMinor: number; sales: number }>(
      `SELECT e.customer_ref AS customerId, COALESCE(SUM(r.total_minor), 0) AS revenueMinor, COALESCE(SUM(r.kind = 'sale'), 0) AS sales
         FROM (SELECT DISTINCT customer_ref FROM hq_events
                WHERE store_id = $store AND type = 'scan' AND customer_ref IS NOT NULL AND substr(occurred_at, 1, 10) BETWEEN $from AND $to) e
         LEFT JOIN hq_receipts r ON r.store_id = $store AND r.customer_ref = e.customer_ref AND r.local_date BETWEEN $from AND $to
        GROUP BY e.customer_ref ORDER BY e.customer_ref`,
      { $store: storeId, $from: from, $to: to },
    );
  }

  /** Every store's baskets (sale receipts with lines) for the chain model, customers keyed by store. */
  basketLines() {
    return this.db.all<{ customer: string; receipt: string; at: string; productId: string }>(
      `SELECT r.store_id || ':' || r.customer_ref AS customer, r.store_id || ':' || r.receipt_id AS receipt, r.occurred_at AS at, l.product_id AS productId
         FROM hq_receipts r JOIN hq_receipt_lines l ON l.store_id = r.store_id AND l.receipt_id = r.receipt_id
        WHERE r.kind = 'sale' AND r.customer_ref IS NOT NULL AND l.quantity > 0
        ORDER BY r.occurred_at, r.store_id, r.receipt_id, l.line_no`,
    );
  }
}
