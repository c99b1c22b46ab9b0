import type { CreateProductRequest, Product, ProductDetail, ProductList, ProductListQuery, UpdateProductRequest } from '@vitrina/contracts';
import type { Database, Queryable } from '../../platform/db/database.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { isValidBarcode } from './barcode.js';
import { CatalogImporter, type CatalogImportOptions } from './import/catalog-importer.js';
import { groupPath } from './import/commerceml-mapping.js';
import type { ImportRepository } from './import/import-repository.js';
import type { ProductFields, ProductRecordRow, RecordsRepository } from './records-repository.js';
import type { CatalogRepository, NewProduct } from './repository.js';
import { isRestrictedProduct, restrictedTerms, type RestrictedTerms, type RestrictionInput } from './restriction.js';

/**
 * The catalogue (owns `products`): what every other domain asks about products, and the one
 * place that decides whether a product is restricted (`isRestricted`, restriction.ts) with
 * the store's list of restricted terms.
 */
export class CatalogService {
  private readonly terms: RestrictedTerms;
  private readonly importer: CatalogImporter;

  constructor(
    private readonly db: Database,
    private readonly repo: CatalogRepository,
    private readonly records: RecordsRepository,
    imports: ImportRepository,
    restrictedCategories: string,
  ) {
    this.terms = restrictedTerms(restrictedCategories);
    this.importer = new CatalogImporter(imports, (p) => this.isRestricted(p));
  }

  /** A 1C CommerceML file (import.xml, offers.xml or both), streamed; one transaction applies it. */
  importCommerceMl(input: AsyncIterable<Buffer | string>, opts?: CatalogImportOptions) {
    return this.importer.commerceMl(input, opts);
  }

  /** The product CSV (columns in import/products-csv.ts), streamed; one transaction applies it. */
  importProductsCsv(input: AsyncIterable<Buffer | string>, opts?: CatalogImportOptions) {
    return this.importer.productsCsv(input, opts);
  }

  /**
   * Products the till sold that the catalogue does not know are created as placeholders
   * (`needsReview`), inside the caller's transaction: nothing from the till is ever lost.
   * Returns the ids it created.
   */
  ensurePlaceholders(tx: Queryable, ids: readonly string[]) {
    return this.records.ensurePlaceholders(tx, ids, new Date().toISOString());
  }

  async list(query: ProductListQuery): Promise<ProductList> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { total, rows } = await this.records.list({ q: query.q, needsReview: query.needsReview, includeInactive: query.includeInactive, limit: pageSize, offset: (page - 1) * pageSize });
    const groups = await this.groupMap();
    return { items: rows.map((r) => toProduct(r, groups)), total, page, pageSize };
  }

  async get(id: string): Promise<ProductDetail> {
    const row = await this.records.get(this.db, id);
    if (!row) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No product "${id.slice(0, 64)}".`);
    const [history, prices, groups] = await Promise.all([this.records.priceHistory(id), this.records.prices(id), this.groupMap()]);
    return {
      ...toProduct(row, groups),
      priceHistory: history.map((h) => ({ priceMinor: h.price_minor, changedAt: h.changed_at, source: h.source })),
      prices: prices.map((p) => ({ priceTypeId: p.price_type_id, priceTypeName: p.name, priceMinor: p.price_minor, currency: p.currency })),
    };
  }

  async create(body: CreateProductRequest): Promise<ProductDetail> {
    const at = new Date().toISOString();
    await this.db.transaction(async (tx) => {
      if (await this.records.get(tx, body.id)) throw new VitrinaError('VITRINA_ERR_CONFLICT', `A product with id "${body.id}" exists already.`);
      const fields = await this.fieldsOf(tx, body.id, body, null);
      await this.records.insert(tx, body.id, { department: 'Ungrouped', category: 'Ungrouped', ...fields, name: body.name }, 'manual', at);
      if (body.barcodes) await this.records.replaceBarcodes(tx, body.id, body.barcodes);
      if (body.priceMinor !== undefined) await this.records.setPrice(tx, body.id, body.priceMinor, 'manual', at);
    });
    return this.get(body.id);
  }

  async update(id: string, body: UpdateProductRequest): Promise<ProductDetail> {
    const at = new Date().toISOString();
    await this.db.transaction(async (tx) => {
      const current = await this.records.get(tx, id);
      if (!current) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No product "${id.slice(0, 64)}".`);
      const fields = await this.fieldsOf(tx, id, body, current);
      if (body.active !== undefined) fields.active = body.active ? 1 : 0;
      if (body.needsReview === false) fields.needs_review = 0;
      await this.records.update(tx, id, fields, at);
      if (body.barcodes) await this.records.replaceBarcodes(tx, id, body.barcodes);
      if (body.priceMinor !== undefined) await this.records.setPrice(tx, id, body.priceMinor, 'manual', at);
    });
    return this.get(id);
  }

  /** Deactivated: kept (receipts name it) but offered nowhere. */
  async deactivate(id: string): Promise<Product> {
    const { priceHistory: _h, prices: _p, ...product } = await this.update(id, { active: false });
    return product;
  }

  /** The editable columns of a create/update, with barcodes checked and restriction decided. */
  private async fieldsOf(tx: Queryable, id: string, body: Partial<CreateProductRequest>, current: ProductRecordRow | null): Promise<ProductFields> {
    const bad = body.barcodes?.find((b) => !isValidBarcode(b));
    if (bad) throw new VitrinaError('VITRINA_ERR_VALIDATION', `Barcode ${bad} has a wrong check digit.`, [{ path: '/barcodes', message: `invalid barcode ${bad}` }]);
    const owners = await this.records.barcodeOwners(tx, body.barcodes ?? [], id);
    if (owners.length > 0) throw new VitrinaError('VITRINA_ERR_CONFLICT', `Barcode ${owners[0]!.barcode} belongs to product ${owners[0]!.product_id}.`);
    // A group the catalogue does not have would fail the foreign key deep in SQLite (a 500): refuse it here.
    if (typeof body.groupId === 'string' && !(await this.groupMap()).has(body.groupId)) {
      throw new VitrinaError('VITRINA_ERR_VALIDATION', `There is no product group ${body.groupId}.`, [{ path: '/groupId', message: 'unknown group' }]);
    }
    const f: ProductFields = {};
    const copy = <K extends keyof ProductFields>(k: K, v: ProductFields[K] | undefined) => { if (v !== undefined) f[k] = v; };
    copy('name', body.name);
    copy('short_name', body.shortName);
    copy('article', body.article);
    copy('brand', body.brand);
    copy('group_id', body.groupId);
    copy('department', body.department);
    copy('category', body.category);
    copy('unit', body.unit);
    copy('vat_rate', body.vatRate);
    copy('image', body.image);
    copy('restricted_kind', body.restrictedKind);
    if (body.egais !== undefined) f.egais = body.egais ? 1 : 0;
    // Restriction is decided again only when what decides it changes (an explicit flag is never cleared by a rename).
    if (current && body.department === undefined && body.category === undefined && body.restrictedKind === undefined) return f;
    const kind = body.restrictedKind !== undefined ? body.restrictedKind : current?.restricted_kind ?? null;
    f.restricted = this.isRestricted({
      department: f.department ?? current?.department ?? 'Ungrouped', category: f.category ?? current?.category ?? 'Ungrouped', restricted: kind !== null,
    }) ? 1 : 0;
    return f;
  }

  private async groupMap() {
    return new Map((await this.records.groups()).map((g) => [g.id, { name: g.name, parentId: g.parent_id }]));
  }

  /** Restricted (alcohol, tobacco, …): its explicit or stored flag, else its department and category. */
  isRestricted(p: RestrictionInput): boolean {
    return isRestrictedProduct(p, this.terms);
  }

  /** Writes products with their restriction decided: an explicit flag, else the category. */
  insertMany(tx: Queryable, products: readonly NewProduct[]) {
    return this.repo.insertMany(tx, products.map((p) => ({ ...p, restricted: this.isRestricted(p) ? 1 : 0 })));
  }

  /**
   * Flags restricted every stored product the policy restricts but the row does not say so
   * (products written before restriction was decided on write, or before a term joined the
   * list). Never clears a flag: an explicit one cannot be told from a decided one. Run at boot.
   */
  async reclassifyRestricted(): Promise<number> {
    return this.db.transaction(async (tx) => {
      let changed = 0;
      for (const g of await this.repo.unrestrictedGroupings(tx)) {
        if (this.isRestricted(g)) changed += await this.repo.markGroupingRestricted(tx, g.department, g.category);
      }
      return changed;
    });
  }

  products(q: Queryable, ids: readonly string[]) {
    return this.repo.products(q, ids);
  }

  forDisplay(ids: readonly string[]) {
    return this.repo.forDisplay(ids);
  }

  exists(q: Queryable, id: string) {
    return this.repo.exists(q, id);
  }

  allIds() {
    return this.repo.allIds();
  }

  names(ids: readonly string[]) {
    return this.repo.names(ids);
  }

  firstIds(n: number) {
    return this.repo.firstIds(n);
  }

  largestDepartments(n: number) {
    return this.repo.largestDepartments(n);
  }
}

function toProduct(r: ProductRecordRow, groups: Map<string, { name: string; parentId: string | null }>): Product {
  return {
    id: r.id, name: r.name, shortName: r.short_name, article: r.article, brand: r.brand, barcodes: r.barcodes ? r.barcodes.split(' ') : [],
    groupId: r.group_id, groupPath: groupPath(groups, r.group_id), department: r.department, category: r.category, unit: r.unit, priceMinor: r.price_minor,
    vatRate: r.vat_rate, image: r.image, active: r.active === 1, restricted: r.restricted === 1, restrictedKind: r.restricted_kind, egais: r.egais === 1,
    needsReview: r.needs_review === 1, source: r.source, updatedAt: r.updated_at,
  };
}
