import type { ReportBucket } from '@vitrina/contracts';
import type { Database } from '../../platform/db/database.js';

/**
 * Read-only queries behind the marketer reports (series, sales, liability, campaign timelines,
 * code and segment exports). Like kpis-repository.ts it reads other domains' tables to report on
 * them and never writes them. Export queries return one page after a key (keyset paging), so a
 * CSV of millions of rows never sits in memory. EXPLAIN QUERY PLAN of each: reports-plans.test.ts.
 */

/** A store day's bucket, as SQL over a YYYY-MM-DD column: the day, its ISO week's Monday, its month's 1st. */
function bucketSql(column: string, bucket: ReportBucket): string {
  if (bucket === 'day') return column;
  if (bucket === 'week') return `date(${column}, 'weekday 0', '-6 days')`;
  return `substr(${column}, 1, 7) || '-01'`;
}

const LINE_NET = 'COALESCE(l.net_minor, l.quantity * l.unit_price_minor - l.discount_minor)';
const LINE_DISCOUNT = '(l.discount_minor + l.promo_discount_minor)';

/** Group columns of the sales report: key, label. */
const SALES_KEYS = {
  product: { key: 'l.product_id', label: 'p.name' },
  category: { key: 'p.category', label: 'p.category' },
  department: { key: 'p.department', label: 'p.department' },
} as const;
export type SalesKey = keyof typeof SALES_KEYS;

export interface SalesRowDb { key: string; label: string; receipts: number; quantity: number; salesMinor: number; discountMinor: number }
export interface SaleLineDb {
  localDate: string; receiptId: string; kind: string; lineNo: number; productId: string; productName: string; category: string; department: string;
  quantity: number; unitPriceMinor: number; discountMinor: number; netMinor: number;
}

export class ReportsRepository {
  constructor(private readonly db: Database) {}

  /** Receipts per bucket of store days: sales (returns subtract), sale receipts, member sales and distinct active members. */
  receiptBuckets(from: string, to: string, bucket: ReportBucket) {
    return this.db.all<{ start: string; receipts: number; saleTotalMinor: number; salesMinor: number; memberReceipts: number; activeMembers: number }>(
      `SELECT ${bucketSql('local_date', bucket)} AS start,
              SUM(kind = 'sale') AS receipts,
              COALESCE(SUM(CASE WHEN kind = 'sale' THEN total_minor END), 0) AS saleTotalMinor,
              SUM(total_minor) AS salesMinor,
              SUM(kind = 'sale' AND customer_id IS NOT NULL) AS memberReceipts,
              COUNT(DISTINCT CASE WHEN kind = 'sale' THEN customer_id END) AS activeMembers
         FROM receipts WHERE local_date BETWEEN $from AND $to
        GROUP BY start ORDER BY start`,
      { $from: from, $to: to },
    );
  }

  /** Members (program consent, not erased) enrolled per UTC hour (`YYYY-MM-DDTHH`), from the first. */
  enrolmentsByHour(toInstant: string) {
    return this.db.all<{ hour: string; n: number }>(
      `SELECT substr(enrolled_at, 1, 13) AS hour, COUNT(*) AS n FROM customers
        WHERE enrolled_at < $to AND erased_at IS NULL AND consent_program = 1
        GROUP BY hour ORDER BY hour`,
      { $to: toInstant },
    );
  }

  /** Points earned, redeemed and expired per UTC hour in [fromInstant, toInstant). Debits are negative. */
  pointsByHour(fromInstant: string, toInstant: string) {
    return this.db.all<{ hour: string; kind: 'earn' | 'redeem' | 'expire'; points: number }>(
      `SELECT substr(at, 1, 13) AS hour, kind, SUM(points) AS points FROM points_ledger
        WHERE kind IN ('earn', 'redeem', 'expire') AND at >= $from AND at < $to
        GROUP BY hour, kind`,
      { $from: fromInstant, $to: toInstant },
    );
  }

  /** Survey scores per bucket of the answer's store day, counted by score. */
  surveyScores(from: string, to: string, bucket: ReportBucket) {
    return this.db.all<{ start: string; score: number; n: number }>(
      `SELECT ${bucketSql('day', bucket)} AS start, score, COUNT(*) AS n FROM survey_answers
        WHERE day BETWEEN $from AND $to GROUP BY start, score`,
      { $from: from, $to: to },
    );
  }

  /** Sales per bucket of the period (few rows: one per bucket). */
  salesByPeriod(from: string, to: string, bucket: ReportBucket) {
    return this.db.all<SalesRowDb>(
      `SELECT ${bucketSql('r.local_date', bucket)} AS key, ${bucketSql('r.local_date', bucket)} AS label,
              COUNT(DISTINCT r.id) AS receipts, SUM(l.quantity) AS quantity, SUM(${LINE_NET}) AS salesMinor, SUM(${LINE_DISCOUNT}) AS discountMinor
         FROM receipts r JOIN receipt_lines l ON l.receipt_id = r.id
        WHERE r.local_date BETWEEN $from AND $to
        GROUP BY key ORDER BY key`,
      { $from: from, $to: to },
    );
  }

  /** Sales by product, category or department, best sellers first (the on-screen table). */
  salesTop(by: SalesKey, from: string, to: string, limit: number) {
    const g = SALES_KEYS[by];
    return this.db.all<SalesRowDb>(
      `SELECT ${g.key} AS key, MAX(${g.label}) AS label,
              COUNT(DISTINCT r.id) AS receipts, SUM(l.quantity) AS quantity, SUM(${LINE_NET}) AS salesMinor, SUM(${LINE_DISCOUNT}) AS discountMinor
         FROM receipts r JOIN receipt_lines l ON l.receipt_id = r.id JOIN products p ON p.id = l.product_id
        WHERE r.local_date BETWEEN $from AND $to
        GROUP BY key ORDER BY salesMinor DESC, key LIMIT $limit`,
      { $from: from, $to: to, $limit: limit },
    );
  }

  /** One page of the same report in key order after `after` (the CSV export). */
  salesPage(by: SalesKey, from: string, to: string, after: string, limit: number) {
    const g = SALES_KEYS[by];
    return this.db.all<SalesRowDb>(
      `SELECT ${g.key} AS key, MAX(${g.label}) AS label,
              COUNT(DISTINCT r.id) AS receipts, SUM(l.quantity) AS quantity, SUM(${LINE_NET}) AS salesMinor, SUM(${LINE_DISCOUNT}) AS discountMinor
         FROM receipts r JOIN receipt_lines l ON l.receipt_id = r.id JOIN products p ON p.id = l.product_id
        WHERE r.local_date BETWEEN $from AND $to AND ${g.key} > $after
        GROUP BY key ORDER BY key LIMIT $limit`,
      { $from: from, $to: to, $after: after, $limit: limit },
    );
  }

  /**
   * Receipt lines of up to `receipts` receipts after (afterDay, afterId) in (store day, id) order:
   * a page never splits a receipt. Uses receipts_date_id (migration 017).
   */
  linesPage(from: string, to: string, afterDay: string, afterId: string, receipts: number) {
    return this.db.all<SaleLineDb>(
      `WITH page AS (
         SELECT id, local_date, kind FROM receipts
          WHERE local_date BETWEEN $from AND $to AND (local_date > $day OR (local_date = $day AND id > $id))
          ORDER BY local_date, id LIMIT $n
       )
       SELECT page.local_date AS localDate, page.id AS receiptId, page.kind, l.line_no AS lineNo, l.product_id AS productId,
              p.name AS productName, p.category, p.department, l.quantity, l.unit_price_minor AS unitPriceMinor,
              ${LINE_DISCOUNT} AS discountMinor, ${LINE_NET} AS netMinor
         FROM page JOIN receipt_lines l ON l.receipt_id = page.id JOIN products p ON p.id = l.product_id
        ORDER BY page.local_date, page.id, l.line_no`,
      { $from: from, $to: to, $day: afterDay, $id: afterId, $n: receipts },
    );
  }

  /** Customers with ledger entries after `after`, in id order (the liability walk). */
  ledgerCustomersAfter(after: string, limit: number) {
    return this.db.all<{ id: string }>(
      'SELECT DISTINCT customer_id AS id FROM points_ledger WHERE customer_id > $after ORDER BY customer_id LIMIT $limit',
      { $after: after, $limit: limit },
    ).then((r) => r.map((x) => x.id));
  }

  campaign(id: string) {
    return this.db.get<{ id: string; starts_on: string; ends_on: string }>('SELECT id, starts_on, ends_on FROM campaigns WHERE id = ?', [id]);
  }

  campaignArms(id: string) {
    return this.db.all<{ arm: 'treatment' | 'control'; n: number }>('SELECT arm, COUNT(*) AS n FROM campaign_assignments WHERE campaign_id = ? GROUP BY arm', [id]);
  }

  /** Revenue (sales less returns) of each arm per bucket of the campaign window. */
  campaignRevenue(id: string, from: string, to: string, bucket: ReportBucket) {
    return this.db.all<{ start: string; arm: 'treatment' | 'control'; revenueMinor: number }>(
      `SELECT ${bucketSql('r.local_date', bucket)} AS start, a.arm, SUM(r.total_minor) AS revenueMinor
         FROM campaign_assignments a JOIN receipts r ON r.customer_id = a.customer_id AND r.local_date BETWEEN $from AND $to
        WHERE a.campaign_id = $id
        GROUP BY start, a.arm`,
      { $id: id, $from: from, $to: to },
    );
  }

  promotionExists(id: string) {
    return this.db.get<{ id: string }>('SELECT id FROM promotions WHERE id = ?', [id]).then(Boolean);
  }

  /** One page of a promotion's codes in code order, with how often each was redeemed. */
  codesPage(promotionId: string, after: string, limit: number) {
    return this.db.all<{ code: string; maxUses: number | null; maxUsesPerCustomer: number | null; createdAt: string; uses: number }>(
      `SELECT c.code, c.max_uses AS maxUses, c.max_uses_per_customer AS maxUsesPerCustomer, c.created_at AS createdAt,
              (SELECT COUNT(*) FROM code_redemptions x WHERE x.code = c.code) AS uses
         FROM promo_codes c WHERE c.promotion_id = $p AND c.code > $after ORDER BY c.code LIMIT $limit`,
      { $p: promotionId, $after: after, $limit: limit },
    );
  }

  segmentHasMembers(segment: string) {
    return this.db.get<{ one: number }>('SELECT 1 AS one FROM segment_members WHERE segment = ? LIMIT 1', [segment]).then(Boolean);
  }

  /** One page of a segment's members in id order: pseudonymous id, enrolment, marketing consent. */
  segmentMembersPage(segment: string, after: string, limit: number) {
    return this.db.all<{ customerId: string; enrolledAt: string; consentMarketing: number }>(
      `SELECT m.customer_id AS customerId, c.enrolled_at AS enrolledAt, c.consent_marketing AS consentMarketing
         FROM segment_members m JOIN customers c ON c.id = m.customer_id
        WHERE m.segment = $s AND m.customer_id > $after AND c.erased_at IS NULL
        ORDER BY m.customer_id LIMIT $limit`,
      { $s: segment, $after: after, $limit: limit },
    );
  }
}
