import type { Database, Queryable, SqlValue } from '../../platform/db/database.js';
import { forgetInTx } from '../../platform/db/tx-memo.js';

/** What pricing, offers and reports need of a product. */
export interface ProductInfo {
  id: string;
  department: string;
  category: string;
  price_minor: number | null;
  cost_minor: number | null;
  /** Stored restriction flag, decided when the product was written (see restriction.ts). */
  restricted: 0 | 1;
}

export interface ProductDisplay {
  id: string;
  name: string;
  department: string;
  category: string;
  price_minor: number | null;
  restricted: 0 | 1;
  /** Staff-given name for screens (null: screens shorten `name` themselves) and the product's image as the catalogue references it. */
  short_name: string | null;
  image: string | null;
}

export interface NewProduct {
  id: string;
  name: string;
  department: string;
  category: string;
  brand: string | null;
  priceMinor: number | null;
  /** Explicitly age-restricted (alcohol, tobacco…). Absent: the category decides (restriction.ts). */
  restricted?: boolean;
}

/** A product as the repository writes it: restriction already decided. */
export interface ProductRow extends Omit<NewProduct, 'restricted'> {
  restricted: 0 | 1;
}

// SQLite allows 32 766 bound parameters per statement; stay well below.
const ROWS_PER_INSERT = 2000;
const IDS_PER_SELECT = 500;

/** The only place with SQL for the products table. */
export class CatalogRepository {
  constructor(private readonly db: Database) {}

  /** Products by id; inside a transaction each id is read once for the whole transaction. */
  async products(q: Queryable, ids: readonly string[]) {
    const out = new Map<string, ProductInfo>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const known = q.memo?.get(`catalog.product:${id}`) as ProductInfo | undefined;
      if (known) out.set(id, known);
      else missing.push(id);
    }
    for (let i = 0; i < missing.length; i += IDS_PER_SELECT) {
      const chunk = missing.slice(i, i + IDS_PER_SELECT);
      const rows = await q.all<ProductInfo>(`SELECT id, department, category, price_minor, cost_minor, restricted FROM products WHERE id IN (${chunk.map(() => '?').join(',')})`, chunk);
      for (const r of rows) {
        out.set(r.id, r);
        q.memo?.set(`catalog.product:${r.id}`, r);
      }
    }
    return out;
  }

  /** What a shopper or a screen is shown of products: name, grouping, shelf price, restriction. */
  async forDisplay(ids: readonly string[]) {
    const out = new Map<string, ProductDisplay>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += IDS_PER_SELECT) {
      const chunk = unique.slice(i, i + IDS_PER_SELECT);
      // Screens show the short name where there is one; a deactivated product is offered nowhere.
      const rows = await this.db.all<ProductDisplay>(`SELECT id, COALESCE(short_name, name) AS name, department, category, price_minor, restricted, short_name, image FROM products WHERE active = 1 AND id IN (${chunk.map(() => '?').join(',')})`, chunk);
      for (const r of rows) out.set(r.id, r);
    }
    return out;
  }

  async exists(q: Queryable, id: string) {
    return (await this.products(q, [id])).has(id);
  }

  async insertMany(tx: Queryable, products: readonly ProductRow[]) {
    for (let i = 0; i < products.length; i += ROWS_PER_INSERT) {
      const chunk = products.slice(i, i + ROWS_PER_INSERT);
      const params: SqlValue[] = chunk.flatMap((p) => [p.id, p.name, p.department, p.category, p.brand, p.priceMinor, p.restricted]);
      await tx.run(`INSERT INTO products (id, name, department, category, brand, price_minor, restricted) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`, params);
    }
  }

  /** The distinct (department, category) pairs of products not flagged restricted. */
  unrestrictedGroupings(q: Queryable) {
    return q.all<{ department: string; category: string }>('SELECT DISTINCT department, category FROM products WHERE restricted = 0');
  }

  /** Flags every product of one (department, category) restricted; returns how many changed. */
  async markGroupingRestricted(tx: Queryable, department: string, category: string) {
    forgetInTx(tx, 'catalog.product:');
    return (await tx.run('UPDATE products SET restricted = 1 WHERE restricted = 0 AND department = ? AND category = ?', [department, category])).changes;
  }

  allIds() {
    return this.db.all<{ id: string }>('SELECT id FROM products').then((rows) => rows.map((r) => r.id));
  }

  /** Names of products, deactivated ones included (receipts and exports name what was bought). */
  async names(ids: readonly string[]) {
    const out = new Map<string, string>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += IDS_PER_SELECT) {
      const chunk = unique.slice(i, i + IDS_PER_SELECT);
      for (const r of await this.db.all<{ id: string; name: string }>(`SELECT id, name FROM products WHERE id IN (${chunk.map(() => '?').join(',')})`, chunk)) out.set(r.id, r.name);
    }
    return out;
  }

  /** The first `n` product ids in id order (demo store defaults). */
  firstIds(n: number) {
    return this.db.all<{ id: string }>('SELECT id FROM products ORDER BY id LIMIT ?', [n]).then((rows) => rows.map((r) => r.id));
  }

  /** Departments with the most products, largest first. */
  largestDepartments(n: number) {
    return this.db.all<{ department: string }>('SELECT department FROM products GROUP BY department ORDER BY COUNT(*) DESC, department LIMIT ?', [n]).then((rows) => rows.map((r) => r.department));
  }
}
