import type { SegmentRule } from '@vitrina/contracts';
import type { Database } from '../../platform/db/database.js';

const LINE_NET = 'COALESCE(l.net_minor, l.quantity * l.unit_price_minor - l.discount_minor)';

export interface LiveSegmentRow { name: string; title: string; rules: SegmentRule[]; createdAt: string; updatedAt: string; evaluatedAt: string | null; size: number | null }
interface RawRow { name: string; title: string; rules: string; created_at: string; updated_at: string; evaluated_at: string | null; size: number | null }
const rowOf = (r: RawRow): LiveSegmentRow => ({
  name: r.name, title: r.title, rules: JSON.parse(r.rules) as SegmentRule[], createdAt: r.created_at, updatedAt: r.updated_at, evaluatedAt: r.evaluated_at, size: r.size,
});

/**
 * Live segments: owns `live_segments` and `live_segment_sizes` (migration 017), and reads the
 * facts its rules need from customers, receipts, lines and products (read-only, like the KPIs).
 * Every fact query answers per customer for members with a sale in the window only.
 */
export class LiveSegmentsRepository {
  constructor(private readonly db: Database) {}

  list() {
    return this.db.all<RawRow>('SELECT * FROM live_segments ORDER BY name').then((r) => r.map(rowOf));
  }

  get(name: string) {
    return this.db.get<RawRow>('SELECT * FROM live_segments WHERE name = ?', [name]).then((r) => (r ? rowOf(r) : undefined));
  }

  async upsert(s: { name: string; title: string; rules: SegmentRule[]; at: string }) {
    await this.db.run(
      `INSERT INTO live_segments (name, title, rules, created_at, updated_at) VALUES ($name, $title, $rules, $at, $at)
       ON CONFLICT (name) DO UPDATE SET title = excluded.title, rules = excluded.rules, updated_at = excluded.updated_at`,
      { $name: s.name, $title: s.title, $rules: JSON.stringify(s.rules), $at: s.at },
    );
  }

  /** Deletes the definition and its size history; true when it existed. */
  remove(name: string) {
    return this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM live_segment_sizes WHERE name = ?', [name]);
      return (await tx.run('DELETE FROM live_segments WHERE name = ?', [name])).changes > 0;
    });
  }

  /** Records an evaluation: the definition's last size and the day's point of the size history. */
  recordSize(name: string, day: string, size: number, at: string) {
    return this.db.transaction(async (tx) => {
      await tx.run('UPDATE live_segments SET evaluated_at = ?, size = ? WHERE name = ?', [at, size, name]);
      await tx.run('INSERT INTO live_segment_sizes (name, day, size) VALUES (?, ?, ?) ON CONFLICT (name, day) DO UPDATE SET size = excluded.size', [name, day, size]);
    });
  }

  sizes(from: string, to: string) {
    return this.db.all<{ name: string; day: string; size: number }>('SELECT name, day, size FROM live_segment_sizes WHERE day BETWEEN ? AND ? ORDER BY day, name', [from, to]);
  }

  /** The candidates: members with program consent, not erased; with `profiling`, only those who allow profiling. */
  members(profiling: boolean) {
    return this.db.all<{ id: string; birthDate: string | null }>(
      `SELECT id, birth_date AS birthDate FROM customers WHERE erased_at IS NULL AND consent_program = 1${profiling ? ' AND consent_profiling = 1' : ''}`,
    );
  }

  /** Net spend (sales less returns) and sale count per member over store days [from, to]. */
  spendAndSales(from: string, to: string) {
    return this.db.all<{ id: string; spendMinor: number; sales: number }>(
      `SELECT customer_id AS id, SUM(total_minor) AS spendMinor, SUM(kind = 'sale') AS sales FROM receipts
        WHERE local_date BETWEEN $from AND $to AND customer_id IS NOT NULL GROUP BY customer_id`,
      { $from: from, $to: to },
    );
  }

  /** Each member's last sale day up to `to`. */
  lastSale(to: string) {
    return this.db.all<{ id: string; day: string }>(
      `SELECT customer_id AS id, MAX(local_date) AS day FROM receipts WHERE kind = 'sale' AND customer_id IS NOT NULL AND local_date <= $to GROUP BY customer_id`,
      { $to: to },
    );
  }

  /** Per member over [from, to]: net on the category's lines and net on every line of their sales. */
  categoryShare(category: string, from: string, to: string) {
    return this.db.all<{ id: string; inCategory: number; total: number }>(
      `SELECT r.customer_id AS id, SUM(CASE WHEN p.category = $category THEN ${LINE_NET} ELSE 0 END) AS inCategory, SUM(${LINE_NET}) AS total
         FROM receipts r JOIN receipt_lines l ON l.receipt_id = r.id JOIN products p ON p.id = l.product_id
        WHERE r.kind = 'sale' AND r.customer_id IS NOT NULL AND r.local_date BETWEEN $from AND $to
        GROUP BY r.customer_id`,
      { $category: category, $from: from, $to: to },
    );
  }

  /** Per member over [from, to]: lines of their sales that carried a discount (till or promotion), and all lines. */
  discountShare(from: string, to: string) {
    return this.db.all<{ id: string; discounted: number; lines: number }>(
      `SELECT r.customer_id AS id, SUM(l.discount_minor + l.promo_discount_minor > 0) AS discounted, COUNT(*) AS lines
         FROM receipts r JOIN receipt_lines l ON l.receipt_id = r.id
        WHERE r.kind = 'sale' AND r.customer_id IS NOT NULL AND r.local_date BETWEEN $from AND $to
        GROUP BY r.customer_id`,
      { $from: from, $to: to },
    );
  }

  categoryExists(category: string) {
    return this.db.get<{ one: number }>('SELECT 1 AS one FROM products WHERE category = ? LIMIT 1', [category]).then(Boolean);
  }
}
