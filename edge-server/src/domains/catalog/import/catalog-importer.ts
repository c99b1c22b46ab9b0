import { randomUUID } from 'node:crypto';
import type { CatalogImportReport } from '@vitrina/contracts';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import type { RestrictionInput } from '../restriction.js';
import { CommerceMlParser } from './commerceml-parser.js';
import { mapOffer, mapProduct, type MappingContext } from './commerceml-mapping.js';
import type { ImportRepository, PriceType, StagedGroup, StagedPrice, StagedProduct } from './import-repository.js';
import { readProductsCsv } from './products-csv.js';
import { groupIdFor } from './refs.js';
import { xmlText } from './xml-text.js';

export interface CatalogImportOptions {
  /** How many rejected rows the report lists (all are counted). */
  maxListed?: number;
  /** Rows per staging transaction. */
  batchSize?: number;
  /** The 1C price type (Ид or Наименование) that sets the shelf price; default: a "Розничная"/"Retail" one, else the first. */
  retailPriceType?: string;
  /** `reading`: rows staged so far (the catalogue unchanged); `applying`: the one transaction that applies the file has begun. */
  onProgress?: (p: { phase: 'reading' | 'applying'; products: number; offers: number; seconds: number }) => void;
  /**
   * Cancels the file (a console job's cancel), all or nothing: while the file is read, the rows
   * staged so far are dropped; while it is applied, the apply transaction is rolled back between
   * two of its statements. Either way the catalogue is exactly as it was and the report says
   * `cancelled`. Once the apply has committed, the cancel comes too late: the report is the file's.
   */
  signal?: AbortSignal;
}

/** Thrown inside an import when its signal aborts; turned into a `cancelled` report. */
export const IMPORT_CANCELLED = Symbol('catalog import cancelled');

const MAX_WARNINGS = 100;

/** One file's bookkeeping: rejected rows, warnings, and the staging buffers. */
class Run {
  readonly id = randomUUID();
  readonly started = Date.now();
  readonly rejected: CatalogImportReport['rejected'] = [];
  rejectedCount = 0;
  readonly warnings: string[] = [];
  products: StagedProduct[] = [];
  prices: StagedPrice[] = [];
  stagedProducts = 0;
  stagedOffers = 0;
  constructor(readonly repo: ImportRepository, readonly maxListed: number, readonly batchSize: number, readonly opts: CatalogImportOptions) {}

  /** Between two steps of reading and applying: stops here if the import was cancelled. */
  checkpoint = () => {
    if (this.opts.signal?.aborted) throw IMPORT_CANCELLED;
  };

  progress(phase: 'reading' | 'applying') {
    this.opts.onProgress?.({ phase, products: this.stagedProducts, offers: this.stagedOffers, seconds: (Date.now() - this.started) / 1000 });
  }

  cancelled(): CatalogImportReport {
    return { ...this.report({ imported: 0, updated: 0, deactivated: 0, groups: 0, prices: 0 }), cancelled: true };
  }

  reject(ref: string, reason: string) {
    this.rejectedCount++;
    if (this.rejected.length < this.maxListed) this.rejected.push({ ref: ref.slice(0, 100), reason });
  }

  warn(w: string) {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(w);
  }

  async flush(force = false) {
    if (this.products.length > 0 && (force || this.products.length >= this.batchSize)) {
      this.checkpoint();
      const batch = this.products;
      this.products = [];
      await this.repo.stageProducts(this.id, batch);
    }
    if (this.prices.length > 0 && (force || this.prices.length >= this.batchSize)) {
      this.checkpoint();
      const batch = this.prices;
      this.prices = [];
      await this.repo.stagePrices(this.id, batch);
    }
  }

  report(r: { imported: number; updated: number; deactivated: number; groups: number; prices: number }): CatalogImportReport {
    return {
      productsImported: r.imported, productsUpdated: r.updated, productsDeactivated: r.deactivated, groups: r.groups, pricesImported: r.prices,
      rejected: this.rejected, rejectedCount: this.rejectedCount, warnings: this.warnings, seconds: (Date.now() - this.started) / 1000,
    };
  }
}

/**
 * Catalogue imports: a CommerceML file (import.xml, offers.xml, or both in one) or a product
 * CSV. The file is read as a stream into staging rows (small transactions, so the till and
 * the scans keep being served), then applied in one transaction. Anything that makes the file
 * unreadable (malformed XML, wrong root, unknown schema version, broken encoding, a CSV
 * header that does not match) throws a VitrinaError and leaves the catalogue as it was; bad
 * rows are rejected one by one and listed.
 */
export class CatalogImporter {
  /** Imports in progress in this process (the only writer of the store's database). */
  private readonly running = new Set<string>();

  constructor(private readonly repo: ImportRepository, private readonly isRestricted: (p: RestrictionInput) => boolean) {}

  /** Registers a run; staged rows a stopped process left behind are dropped first. */
  private async begin(run: Run) {
    await this.repo.discardAllExcept([...this.running]);
    this.running.add(run.id);
  }

  async commerceMl(input: AsyncIterable<Buffer | string>, opts: CatalogImportOptions = {}): Promise<CatalogImportReport> {
    const run = new Run(this.repo, opts.maxListed ?? 1000, opts.batchSize ?? 5000, opts);
    await this.begin(run);
    try {
      const parser = new CommerceMlParser();
      const groups = new Map<string, { name: string; parentId: string | null }>();
      for (const g of await this.repo.groups()) groups.set(g.id, { name: g.name, parentId: g.parent_id });
      const fileGroups: StagedGroup[] = [];
      let groupsSeen = 0;
      const ctx: MappingContext = { groups, properties: parser.properties, isRestricted: this.isRestricted };
      const seenProducts = new Map<string, number>();
      const seenOffers = new Map<string, number>();
      let seq = 0;
      const drain = async () => {
        // Groups come before products in import.xml: take in the ones read so far.
        for (; groupsSeen < parser.groups.length; groupsSeen++) {
          const g = parser.groups[groupsSeen]!;
          const staged = { id: groupIdFor(g.ref), parentId: g.parentRef ? groupIdFor(g.parentRef) : null, name: g.name || g.ref };
          fileGroups.push(staged);
          groups.set(staged.id, { name: staged.name, parentId: staged.parentId });
        }
        for (const p of parser.products) {
          const first = seenProducts.get(p.ref);
          if (p.ref && first !== undefined) { run.reject(p.ref, `duplicate Ид (the same product is on line ${first})`); continue; }
          const m = mapProduct(p, ctx);
          if ('rejected' in m) { run.reject(p.ref || `line ${p.line}`, m.rejected); continue; }
          seenProducts.set(p.ref, p.line);
          m.warnings.forEach((w) => run.warn(w));
          run.products.push(m.ok);
          run.stagedProducts++;
        }
        parser.products = [];
        for (const o of parser.offers) {
          const first = seenOffers.get(o.ref);
          if (o.ref && first !== undefined) { run.reject(o.ref, `duplicate Предложение Ид (the same offer is on line ${first})`); continue; }
          const m = mapOffer(o, () => ++seq);
          if ('rejected' in m) { run.reject(o.ref || `line ${o.line}`, m.rejected); continue; }
          seenOffers.set(o.ref, o.line);
          run.prices.push(...m.ok);
          run.stagedOffers++;
        }
        parser.offers = [];
        await run.flush();
        run.progress('reading');
      };
      for await (const text of xmlText(input)) {
        run.checkpoint();
        parser.write(text);
        await drain();
      }
      parser.end();
      await drain();
      await run.flush(true);

      const hasCatalog = parser.header.catalogChangesOnly !== null || fileGroups.length > 0;
      const hasOffers = parser.header.offersChangesOnly !== null;
      let prices: { priceTypes: PriceType[]; retailTypeId: string | null } | null = null;
      if (hasOffers) {
        const fileTypes = parser.priceTypes.filter((t) => t.ref).map((t) => ({ id: t.ref, name: t.name || t.ref, currency: t.currency || null }));
        const known = new Map((await this.repo.priceTypes()).map((t) => [t.id, t]));
        for (const t of fileTypes) known.set(t.id, t);
        prices = { priceTypes: fileTypes, retailTypeId: retailTypeOf([...known.values()], opts.retailPriceType) };
        if (!prices.retailTypeId && run.stagedOffers > 0) run.warn('No price type is known (ТипыЦен): prices were not applied to shelf prices.');
      }
      run.checkpoint();
      run.progress('applying');
      const applied = await this.repo.apply(run.id, {
        products: hasCatalog ? { groups: fileGroups, source: '1c', deactivateMissingFrom: parser.header.catalogChangesOnly === false && run.stagedProducts > 0 ? '1c' : null } : null,
        prices,
        at: new Date().toISOString(),
      }, run.checkpoint);
      for (const ref of applied.prices.unknown) run.reject(ref, 'price for an unknown product (not in the catalogue nor in this file)');
      // Characteristics (ИдТовара#ИдХарактеристики) first seen in offers.xml are new products too.
      return run.report({ ...applied.products, imported: applied.products.imported + applied.prices.variants, groups: fileGroups.length, prices: applied.prices.applied });
    } catch (err) {
      await run.repo.discard(run.id);
      if (err === IMPORT_CANCELLED) return run.cancelled();
      throw err;
    } finally {
      this.running.delete(run.id);
    }
  }

  async productsCsv(input: AsyncIterable<Buffer | string>, opts: CatalogImportOptions = {}): Promise<CatalogImportReport> {
    const run = new Run(this.repo, opts.maxListed ?? 1000, opts.batchSize ?? 5000, opts);
    await this.begin(run);
    try {
      const groups = new Map<string, StagedGroup>();
      const seen = new Map<string, number>();
      for await (const row of readProductsCsv(input, this.isRestricted)) {
        if ('rejected' in row) { run.reject(row.ref, row.rejected); continue; }
        const first = seen.get(row.product.productId);
        if (first !== undefined) { run.reject(`line ${row.line} (${row.product.productId})`, `duplicate id (first on line ${first})`); continue; }
        seen.set(row.product.productId, row.line);
        for (const g of row.groups) groups.set(g.id, g);
        run.products.push(row.product);
        run.stagedProducts++;
        if (run.products.length >= run.batchSize) {
          await run.flush();
          run.progress('reading');
        }
      }
      await run.flush(true);
      run.checkpoint();
      run.progress('applying');
      const applied = await this.repo.apply(run.id, { products: { groups: [...groups.values()], source: 'csv', deactivateMissingFrom: null }, prices: null, at: new Date().toISOString() }, run.checkpoint);
      return run.report({ ...applied.products, groups: groups.size, prices: 0 });
    } catch (err) {
      await run.repo.discard(run.id);
      if (err === IMPORT_CANCELLED) return run.cancelled();
      if (err instanceof VitrinaError) throw err;
      throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', `The CSV cannot be read: ${(err as Error).message.slice(0, 200)}`);
    } finally {
      this.running.delete(run.id);
    }
  }
}

/** The price type that sets shelf prices: the one asked for (Ид or name), else a retail one, else the only/first. */
function retailTypeOf(types: readonly PriceType[], wanted?: string): string | null {
  if (wanted) return types.find((t) => t.id === wanted || t.name.toLowerCase() === wanted.toLowerCase())?.id ?? null;
  return (types.find((t) => /розничн|retail/i.test(t.name)) ?? types[0])?.id ?? null;
}
