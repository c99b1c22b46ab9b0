import { Type, type Static } from 'typebox';
import { Id, Instant, LiteralUnion } from './common.js';

/** Restricted kinds a source may name; `restricted` (the flag offers and campaigns read) follows from any of them. */
export const RESTRICTED_KINDS = ['alcohol', 'tobacco', 'nicotine', 'medicine', 'other'] as const;
export type RestrictedKind = (typeof RESTRICTED_KINDS)[number];
export const RestrictedKindSchema = LiteralUnion(RESTRICTED_KINDS);

/** EAN-13, EAN-8, UPC-A (12) or ITF-14 digits; the server also checks the check digit. */
export const Barcode = Type.String({ pattern: '^(\\d{8}|\\d{12,14})$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
/** VAT as the source writes it, normalized: a percentage ('20', '10', '0') or 'none'. */
export const VatRate = Type.String({ pattern: '^(none|\\d{1,2}(\\.\\d{1,2})?)$' });

export const Product = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** Short display name for kiosk and signage screens (falls back to the name). */
  shortName: Nullable(Type.String()),
  article: Nullable(Type.String()),
  brand: Nullable(Type.String()),
  barcodes: Type.Array(Type.String()),
  groupId: Nullable(Type.String()),
  /** Group names from the top of the tree down to the product's group. */
  groupPath: Type.Array(Type.String()),
  department: Type.String(),
  category: Type.String(),
  unit: Nullable(Type.String()),
  priceMinor: Nullable(Type.Integer()),
  vatRate: Nullable(Type.String()),
  image: Nullable(Type.String()),
  active: Type.Boolean(),
  restricted: Type.Boolean(),
  restrictedKind: Nullable(Type.String()),
  egais: Type.Boolean(),
  /** A placeholder the till created for an id the catalogue did not know: staff should complete it. */
  needsReview: Type.Boolean(),
  source: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
});
export type Product = Static<typeof Product>;

export const PriceChange = Type.Object({ priceMinor: Nullable(Type.Integer()), changedAt: Instant, source: Type.String() });
export const ProductDetail = Type.Intersect([Product, Type.Object({
  priceHistory: Type.Array(PriceChange),
  prices: Type.Array(Type.Object({ priceTypeId: Type.String(), priceTypeName: Type.String(), priceMinor: Type.Integer(), currency: Nullable(Type.String()) })),
})]);
export type ProductDetail = Static<typeof ProductDetail>;

export const ProductListQuery = Type.Object({
  /** Name (any part), barcode or article (exact or prefix), or id. */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  needsReview: Type.Optional(Type.Boolean()),
  includeInactive: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type ProductListQuery = Static<typeof ProductListQuery>;
export const ProductList = Type.Object({ items: Type.Array(Product), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export type ProductList = Static<typeof ProductList>;

const editable = {
  name: Text(200),
  shortName: Type.Optional(Nullable(Text(40))),
  article: Type.Optional(Nullable(Text(64))),
  brand: Type.Optional(Nullable(Text(100))),
  barcodes: Type.Optional(Type.Array(Barcode, { maxItems: 20 })),
  department: Type.Optional(Text(100)),
  category: Type.Optional(Text(100)),
  groupId: Type.Optional(Nullable(Text(100))),
  unit: Type.Optional(Nullable(Text(20))),
  priceMinor: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000 }))),
  vatRate: Type.Optional(Nullable(VatRate)),
  image: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  restrictedKind: Type.Optional(Nullable(RestrictedKindSchema)),
  egais: Type.Optional(Type.Boolean()),
};
export const CreateProductRequest = Type.Object({ id: Id, ...editable }, { additionalProperties: false });
export type CreateProductRequest = Static<typeof CreateProductRequest>;
export const UpdateProductRequest = Type.Object({
  ...editable,
  name: Type.Optional(Text(200)),
  active: Type.Optional(Type.Boolean()),
  /** false marks a placeholder reviewed. */
  needsReview: Type.Optional(Type.Literal(false)),
}, { additionalProperties: false, minProperties: 1 });
export type UpdateProductRequest = Static<typeof UpdateProductRequest>;

/** The outcome of one catalogue import (CommerceML import.xml / offers.xml, or a product CSV). */
export const CatalogImportReport = Type.Object({
  productsImported: Type.Integer(),
  productsUpdated: Type.Integer(),
  productsDeactivated: Type.Integer(),
  groups: Type.Integer(),
  pricesImported: Type.Integer(),
  /** Rows not applied, by the source's reference (1C Ид, CSV line), with why; at most `maxListed`. */
  rejected: Type.Array(Type.Object({ ref: Type.String(), reason: Type.String() })),
  rejectedCount: Type.Integer(),
  /** Things applied with a change (a bad barcode dropped, …). */
  warnings: Type.Array(Type.String()),
  seconds: Type.Number(),
  /** Present when the import (a console job) was cancelled before its file was applied: nothing of the file was applied. */
  cancelled: Type.Optional(Type.Boolean()),
});
export type CatalogImportReport = Static<typeof CatalogImportReport>;

export const CatalogImportQuery = Type.Object({
  /** csv for the product CSV; otherwise CommerceML XML (import.xml or offers.xml, told apart by content). */
  format: Type.Optional(LiteralUnion(['xml', 'csv'] as const)),
  maxListed: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
}, { additionalProperties: false });
export type CatalogImportQuery = Static<typeof CatalogImportQuery>;
