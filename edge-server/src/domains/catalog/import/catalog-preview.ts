import type { CatalogPreview } from '@vitrina/contracts';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import type { RestrictionInput } from '../restriction.js';
import { CommerceMlParser, type CmlPriceType } from './commerceml-parser.js';
import { groupPath, mapOffer, mapProduct, type MappingContext } from './commerceml-mapping.js';
import type { StagedPrice, StagedProduct } from './import-repository.js';
import { readProductsCsv } from './products-csv.js';
import { groupIdFor } from './refs.js';
import { xmlText } from './xml-text.js';

/** What a store's product form accepts (CreateProductRequest): longer values are refused there, so here too. */
const NAME_MAX = 200;
const GROUPING_MAX = 100;
const MAX_LISTED = 1000;
const MAX_WARNINGS = 100;

export interface CatalogPreviewOptions {
  /** The 1C price type (Ид or name) for shelf prices; default: a retail one, else the first. */
  retailPriceType?: string;
  isRestricted?: (p: RestrictionInput) => boolean;
}

type Product = CatalogPreview['products'][number];
type Price = CatalogPreview['prices'][number];

/**
 * Reads catalogue files with the store's own parsers and mapping (CommerceML import.xml /
 * offers.xml, or the products CSV) into what a chain publication carries — products and shelf
 * prices — without a database: head office previews and publishes them, each store applies them
 * through its catalogue service. A file that cannot be read throws the same VITRINA_ERR_IMPORT_*
 * error the store's import would; bad rows are listed with their reason.
 */
export class CatalogPreviewReader {
  private readonly products = new Map<string, Product>();
  private readonly prices = new Map<string, Price>();
  private readonly rejected: CatalogPreview['rejected'] = [];
  private rejectedCount = 0;
  private readonly warnings: string[] = [];
  private readonly groups = new Map<string, { name: string; parentId: string | null }>();
  private readonly isRestricted: (p: RestrictionInput) => boolean;

  constructor(private readonly opts: CatalogPreviewOptions = {}) {
    this.isRestricted = opts.isRestricted ?? (() => false);
  }

  private reject(ref: string, reason: string) {
    this.rejectedCount++;
    if (this.rejected.length < MAX_LISTED) this.rejected.push({ ref: ref.slice(0, 100), reason });
  }

  private warn(w: string) {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(w);
  }

  /** A staged product (either parser's) → a chain product, or a rejection when a store's form would refuse it. */
  private addProduct(ref: string, p: StagedProduct, grouping: { department: string | null; category: string | null }) {
    if (this.products.has(p.productId)) return this.reject(ref, `duplicate id ${p.productId}`);
    if (p.name.length > NAME_MAX) return this.reject(ref, `name longer than ${NAME_MAX} characters`);
    const department = (p.department ?? grouping.department)?.slice(0, GROUPING_MAX);
    const category = (p.category ?? grouping.category)?.slice(0, GROUPING_MAX);
    this.products.set(p.productId, {
      id: p.productId, name: p.name,
      ...(department ? { department } : {}), ...(category ? { category } : {}),
      ...(p.barcodes ? { barcodes: p.barcodes.slice(0, 20) } : {}),
      active: p.active === 1,
    });
    if (p.priceMinor !== null) this.prices.set(p.productId, { productId: p.productId, priceMinor: p.priceMinor });
  }

  /** One CommerceML document (import.xml, offers.xml, or both in one), as raw bytes in any encoding 1C writes. */
  async commerceMl(input: AsyncIterable<Buffer | string>): Promise<void> {
    const parser = new CommerceMlParser();
    const ctx: MappingContext = { groups: this.groups, properties: parser.properties, isRestricted: this.isRestricted };
    const offers: StagedPrice[] = [];
    let groupsSeen = 0;
    let seq = 0;
    const drain = () => {
      for (; groupsSeen < parser.groups.length; groupsSeen++) {
        const g = parser.groups[groupsSeen]!;
        this.groups.set(groupIdFor(g.ref), { name: g.name || g.ref, parentId: g.parentRef ? groupIdFor(g.parentRef) : null });
      }
      for (const p of parser.products) {
        const m = mapProduct(p, ctx);
        if ('rejected' in m) { this.reject(p.ref || `line ${p.line}`, m.rejected); continue; }
        m.warnings.forEach((w) => this.warn(w));
        const path = groupPath(this.groups, m.ok.groupId);
        this.addProduct(p.ref, m.ok, { department: path[0] ?? null, category: path[1] ?? null });
      }
      parser.products = [];
      for (const o of parser.offers) {
        const m = mapOffer(o, () => ++seq);
        if ('rejected' in m) { this.reject(o.ref || `line ${o.line}`, m.rejected); continue; }
        offers.push(...m.ok);
      }
      parser.offers = [];
    };
    for await (const text of xmlText(input)) {
      parser.write(text);
      drain();
    }
    parser.end();
    drain();
    if (offers.length === 0) return;
    const retail = retailTypeOf(parser.priceTypes, this.opts.retailPriceType);
    if (!retail) { this.warn('No price type is known (ТипыЦен): the offers carry no shelf price.'); return; }
    for (const o of offers) {
      // Variants (ИдТовара#ИдХарактеристики) are products a store creates from its own offers import; a chain price names existing products.
      if (o.parentId !== null || o.priceTypeId !== retail || o.priceMinor === null) continue;
      this.prices.set(o.productId, { productId: o.productId, priceMinor: o.priceMinor });
    }
  }

  /** The products CSV (the store's columns; `price_minor` becomes the shelf price). */
  async productsCsv(input: AsyncIterable<Buffer | string>): Promise<void> {
    for await (const row of readProductsCsv(input, this.isRestricted)) {
      if ('rejected' in row) { this.reject(row.ref, row.rejected); continue; }
      const path = row.groups.map((g) => g.name);
      this.addProduct(`line ${row.line} (${row.product.productId})`, row.product, { department: path[0] ?? null, category: path[1] ?? null });
    }
  }

  result(): CatalogPreview {
    if (this.products.size === 0 && this.prices.size === 0 && this.rejectedCount === 0) {
      throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', 'The files hold no products and no prices.');
    }
    return { products: [...this.products.values()], prices: [...this.prices.values()], rejected: this.rejected, rejectedCount: this.rejectedCount, warnings: this.warnings };
  }
}

/** The price type that sets shelf prices: the one asked for (Ид or name), else a retail one, else the first (as the store's importer picks). */
function retailTypeOf(types: readonly CmlPriceType[], wanted?: string): string | null {
  if (wanted) return types.find((t) => t.ref === wanted || t.name.toLowerCase() === wanted.toLowerCase())?.ref ?? null;
  return (types.find((t) => /розничн|retail/i.test(t.name)) ?? types[0])?.ref ?? null;
}

/** Previews catalogue files: CommerceML documents (import.xml first, then offers.xml) or one products CSV. */
export async function previewCatalogFiles(
  format: 'commerceml' | 'csv', files: readonly { name: string; bytes: Buffer }[], opts: CatalogPreviewOptions = {},
): Promise<CatalogPreview> {
  const reader = new CatalogPreviewReader(opts);
  const once = async function* (b: Buffer) { yield b; };
  if (format === 'csv') {
    if (files.length !== 1) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'Send one products CSV.');
    await reader.productsCsv(once(files[0]!.bytes));
  } else {
    // import.xml before offers.xml, whatever order they were picked in: offers name import's products.
    const ordered = [...files].sort((a, b) => Number(/offers/i.test(a.name)) - Number(/offers/i.test(b.name)));
    for (const f of ordered) await reader.commerceMl(once(f.bytes));
  }
  return reader.result();
}
