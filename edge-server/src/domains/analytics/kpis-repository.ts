import type { Database } from '../../platform/db/database.js';

/** Cost of a line: the product's cost when known, else its regular amount less the department's (or default) margin. */
const LINE_NET = 'COALESCE(l.net_minor, l.quantity * l.unit_price_minor - l.discount_minor)';
const LINE_COST = '(CASE WHEN p.cost_minor IS NOT NULL THEN l.quantity * p.cost_minor ELSE (l.quantity * l.unit_price_minor * (10000 - COALESCE(dm.margin_bp, $defaultMargin))) / 10000 END)';
const LOCAL_DATE = 'COALESCE(r.local_date, substr(r.store_time, 1, 10))';

/** Read-only queries behind the KPIs (receipts, lines, products, campaigns, lifecycle). */
export class KpisRepository {
  constructor(private readonly db: Database) {}

  members() {
    return this.db.all<{ id: string }>('SELECT id FROM customers WHERE erased_at IS NULL AND consent_program = 1').then((r) => r.map((x) => x.id));
  }

  /** One row per member sale up to `today`: local day, net and margin. */
  saleFacts(today: string, defaultMargin: number) {
    return this.db.all<{ customerId: string; localDate: string; netMinor: number; marginMinor: number }>(
      `SELECT r.customer_id AS customerId, ${LOCAL_DATE} AS localDate, r.total_minor AS netMinor, SUM(${LINE_NET} - ${LINE_COST}) AS marginMinor
         FROM receipts r JOIN receipt_lines l ON l.receipt_id = r.id JOIN products p ON p.id = l.product_id
         LEFT JOIN department_margins dm ON dm.department = p.department
        WHERE r.kind = 'sale' AND r.customer_id IS NOT NULL AND ${LOCAL_DATE} <= $today
        GROUP BY r.id`,
      { $today: today, $defaultMargin: defaultMargin },
    );
  }

  /** Scores of the end-of-session survey answered on the store days [from, to] (survey_answers, domains/surveys). */
  surveyScores(from: string, to: string) {
    return this.db.all<{ score: number }>('SELECT score FROM survey_answers WHERE day BETWEEN ? AND ?', [from, to]).then((r) => r.map((x) => x.score));
  }

  campaign(id: string) {
    return this.db.get<{ id: string; starts_on: string; ends_on: string; holdout_pct: number }>('SELECT id, starts_on, ends_on, holdout_pct FROM campaigns WHERE id = ?', [id]);
  }

  /** Every assigned customer with revenue and margin (sales less returns) in the window. */
  campaignOutcomes(id: string, from: string, to: string, defaultMargin: number) {
    return this.db.all<{ customerId: string; arm: 'treatment' | 'control'; revenueMinor: number; marginMinor: number }>(
      `SELECT a.customer_id AS customerId, a.arm,
              COALESCE(SUM(${LINE_NET}), 0) AS revenueMinor, COALESCE(SUM(${LINE_NET} - ${LINE_COST}), 0) AS marginMinor
         FROM campaign_assignments a
         LEFT JOIN receipts r ON r.customer_id = a.customer_id AND ${LOCAL_DATE} BETWEEN $from AND $to
         LEFT JOIN receipt_lines l ON l.receipt_id = r.id
         LEFT JOIN products p ON p.id = l.product_id
         LEFT JOIN department_margins dm ON dm.department = p.department
        WHERE a.campaign_id = $id
        GROUP BY a.customer_id, a.arm`,
      { $id: id, $from: from, $to: to, $defaultMargin: defaultMargin },
    );
  }

  /** Per customer: this campaign's discounts and points (offers and promotions), reach and redemption. */
  campaignCosts(id: string) {
    return this.db.all<{ customerId: string; discountMinor: number; points: number; reached: number; redeemed: number }>(
      `SELECT customer_id AS customerId, SUM(discount) AS discountMinor, SUM(points) AS points, MAX(reached) AS reached, MAX(redeemed) AS redeemed FROM (
         SELECT customer_id, CASE WHEN state = 'redeemed' THEN discount_minor ELSE 0 END AS discount, CASE WHEN state = 'redeemed' THEN points ELSE 0 END AS points,
                CASE WHEN shown_at IS NOT NULL OR state <> 'issued' THEN 1 ELSE 0 END AS reached, CASE WHEN state = 'redeemed' THEN 1 ELSE 0 END AS redeemed
           FROM offer_instances WHERE campaign_id = $id
         UNION ALL
         SELECT u.customer_id, u.discount_minor, u.points, 0, 1 FROM promotion_uses u JOIN promotions p ON p.id = u.promotion_id
          WHERE p.campaign_id = $id AND u.customer_id IS NOT NULL
       ) GROUP BY customer_id`,
      { $id: id },
    );
  }
}
