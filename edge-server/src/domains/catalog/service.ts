import type { Database, Queryable } from '../../platform/db/database.js';
import type { CatalogRepository, NewProduct } from './repository.js';
import { isRestrictedProduct, restrictedTerms, type RestrictedTerms, type RestrictionInput } from './restriction.js';

/**
 * The catalogue (owns `products`): what every other domain asks about products, and the one
 * place that decides whether a product is restricted (`isRestricted`, restriction.ts) with
 * the store's list of restricted terms.
 */
export class CatalogService {
  private readonly terms: RestrictedTerms;

  constructor(
    private readonly db: Database,
    private readonly repo: CatalogRepository,
    restrictedCategories: string,
  ) {
    this.terms = restrictedTerms(restrictedCategories);
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
