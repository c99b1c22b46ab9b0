/**
 * The catalogue: owns the `products` table. Every other domain asks it about products
 * (existence, department and category, price, whether it is restricted) instead of reading
 * the table.
 */
import type { Database } from '../../platform/db/database.js';
import { ImportRepository } from './import/import-repository.js';
import { RecordsRepository } from './records-repository.js';
import { CatalogRepository } from './repository.js';
import { CatalogService } from './service.js';

export type { ProductInfo, ProductDisplay, NewProduct } from './repository.js';
export { isRestrictedProduct, restrictedTerms, stem, stemsOf, type RestrictedTerms, type RestrictionInput } from './restriction.js';
export { CatalogService } from './service.js';
export { catalogRoutes } from './routes.js';
export { PRODUCT_CSV_COLUMNS } from './import/products-csv.js';
export type { CatalogImportOptions } from './import/catalog-importer.js';
/** Head office reads catalogue files with the same parsers, without a database (roles/headoffice). */
export { previewCatalogFiles, type CatalogPreviewOptions } from './import/catalog-preview.js';
export type Catalog = CatalogService;

/** `restrictedCategories`: the store's comma-separated restricted terms (RESTRICTED_CATEGORIES). */
export function createCatalog(db: Database, config: { restrictedCategories: string }): Catalog {
  return new CatalogService(db, new CatalogRepository(db), new RecordsRepository(db), new ImportRepository(db), config.restrictedCategories);
}
