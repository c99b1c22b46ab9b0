import type { Database, Queryable, SqlValue } from '../../platform/db/database.js';
import { forgetInTx } from '../../platform/db/tx-memo.js';

/** A product row as the console browses and edits it (barcodes joined, space-separated). */
export interface ProductRecordRow {
  id: string;
  name: string;
  short_name: string | null;
  article: string | null;
  brand: string | null;
  group_id: string | null;
  department: string;
  category: string;
  unit: string | null;
  price_minor: number | null;
  vat_rate: string | null;
  image: string | null;
  active: 0 | 1;
  restricted: 0 | 1;
  restricted_kind: string | null;
  egais: 0 | 1;
  needs_review: 0 | 1;
  source: string | null;
  updated_at: string | null;
  barcodes: string | null;
}

/** The columns a create or an update writes (barcodes and price go through their own methods). */
export interface ProductFields {
  name?: string;
  short_name?: string | null;
  article?: string | null;
  brand?: string | null;
  group_id?: string | null;
  department?: string;
  category?: string;
  unit?: string | null;
  vat_rate?: string | null;
  image?: string | null;
  active?: 0 | 1;
  restricted?: 0 | 1;
  restricted_kind?: string | null;
  egais?: 0 | 1;
  needs_review?: 0 | 1;
}

export interface ListFilter {
  q?: string;
  needsReview?: boolean;
  includeInactive?: boolean;
  limit: number;
  offset: number;
}

const SELECT = `SELECT p.id, p.name, p.short_name, p.article, p.brand, p.group_id, p.department, p.category, p.unit, p.price_minor, p.vat_rate,
  p.image, p.active, p.restricted, p.restricted_kind, p.egais, p.needs_review, p.source, p.updated_at,
  (SELECT group_concat(b.barcode, ' ') FROM product_barcodes b WHERE b.product_id = p.id) AS barcodes FROM products p`;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** SQL for browsing and editing products, barcodes, groups and price history. */
export class RecordsRepository {
  constructor(private readonly db: Database) {}

  /** One page of products: name (any part), article (prefix), barcode or id; newest placeholders visible with `needsReview`. */
  async list(f: ListFilter) {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (!f.includeInactive) where.push('p.active = 1');
    if (f.needsReview) where.push('p.needs_review = 1');
    const q = f.q?.trim();
    if (q) {
      const like = likeEscape(q);
      where.push(`(p.id = ? OR p.name LIKE ? ESCAPE '\\' OR p.short_name LIKE ? ESCAPE '\\' OR p.article LIKE ? ESCAPE '\\'
        OR p.id IN (SELECT product_id FROM product_barcodes WHERE barcode = ?))`);
      params.push(q, `%${like}%`, `%${like}%`, `${like}%`, q);
    }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const total = (await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM products p${clause}`, params))!.n;
    const rows = await this.db.all<ProductRecordRow>(`${SELECT}${clause} ORDER BY p.needs_review DESC, p.name COLLATE NOCASE, p.id LIMIT ? OFFSET ?`, [...params, f.limit, f.offset]);
    return { total, rows };
  }

  get(q: Queryable, id: string) {
    return q.get<ProductRecordRow>(`${SELECT} WHERE p.id = ?`, [id]);
  }

  async insert(tx: Queryable, id: string, fields: ProductFields & { name: string; department: string; category: string }, source: string, at: string) {
    const cols = Object.keys(fields) as Array<keyof ProductFields>;
    await tx.run(`INSERT INTO products (id, ${cols.join(', ')}, source, updated_at) VALUES (?, ${cols.map(() => '?').join(', ')}, ?, ?)`,
      [id, ...cols.map((c) => fields[c] ?? null), source, at]);
  }

  async update(tx: Queryable, id: string, fields: ProductFields, at: string) {
    forgetInTx(tx, `catalog.product:${id}`);
    const cols = (Object.keys(fields) as Array<keyof ProductFields>).filter((c) => fields[c] !== undefined);
    await tx.run(`UPDATE products SET ${[...cols.map((c) => `${c} = ?`), 'updated_at = ?'].join(', ')} WHERE id = ?`, [...cols.map((c) => fields[c] ?? null), at, id]);
  }

  /** Sets the shelf price and records the change in the price history (only when it changed). */
  async setPrice(tx: Queryable, id: string, priceMinor: number | null, source: string, at: string) {
    forgetInTx(tx, `catalog.product:${id}`);
    const changed = (await tx.run('UPDATE products SET price_minor = ? WHERE id = ? AND price_minor IS NOT ?', [priceMinor, id, priceMinor])).changes;
    if (changed > 0) await tx.run('INSERT INTO product_price_history (product_id, price_minor, changed_at, source) VALUES (?, ?, ?, ?)', [id, priceMinor, at, source]);
  }

  async replaceBarcodes(tx: Queryable, id: string, barcodes: readonly string[]) {
    await tx.run('DELETE FROM product_barcodes WHERE product_id = ?', [id]);
    for (const b of new Set(barcodes)) await tx.run('INSERT INTO product_barcodes (product_id, barcode) VALUES (?, ?)', [id, b]);
  }

  /** Products other than `id` that already carry one of these barcodes. */
  barcodeOwners(q: Queryable, barcodes: readonly string[], id: string) {
    if (barcodes.length === 0) return Promise.resolve([]);
    return q.all<{ product_id: string; barcode: string }>(`SELECT product_id, barcode FROM product_barcodes WHERE product_id <> ? AND barcode IN (${barcodes.map(() => '?').join(',')})`, [id, ...barcodes]);
  }

  priceHistory(id: string) {
    return this.db.all<{ price_minor: number | null; changed_at: string; source: string }>('SELECT price_minor, changed_at, source FROM product_price_history WHERE product_id = ? ORDER BY id DESC LIMIT 50', [id]);
  }

  prices(id: string) {
    return this.db.all<{ price_type_id: string; name: string; price_minor: number; currency: string | null }>(
      'SELECT pp.price_type_id, t.name, pp.price_minor, pp.currency FROM product_prices pp JOIN price_types t ON t.id = pp.price_type_id WHERE pp.product_id = ? ORDER BY t.name', [id]);
  }

  groups() {
    return this.db.all<{ id: string; parent_id: string | null; name: string }>('SELECT id, parent_id, name FROM product_groups');
  }

  /**
   * Creates a placeholder for every id the catalogue does not know (inside the caller's
   * transaction: a sale or a receipts import); returns the ids it created.
   */
  async ensurePlaceholders(tx: Queryable, ids: readonly string[], at: string) {
    const created: string[] = [];
    for (const id of new Set(ids)) {
      const r = await tx.run(`INSERT INTO products (id, name, department, category, needs_review, source, updated_at) VALUES (?, ?, 'Unreviewed', 'Unreviewed', 1, 'placeholder', ?)
        ON CONFLICT (id) DO NOTHING`, [id, id, at]);
      if (r.changes > 0) created.push(id);
    }
    if (created.length > 0) forgetInTx(tx, 'catalog.product:');
    return created;
  }
}
