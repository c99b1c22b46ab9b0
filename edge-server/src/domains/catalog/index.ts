/**
 * The catalogue: owns the `products` table. Every other domain asks it about products
 * (existence, department and category, price) instead of reading the table.
 */
import type { Database } from '../../platform/db/database.js';
import { CatalogRepository } from './repository.js';

export type { ProductInfo, ProductDisplay, NewProduct } from './repository.js';
export type Catalog = CatalogRepository;

export function createCatalog(db: Database): Catalog {
  return new CatalogRepository(db);
}
