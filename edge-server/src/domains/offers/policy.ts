/**
 * Restricted categories (alcohol, tobacco, … from config) never go to signage, and reach the
 * kiosk only where the store allows it. Matching is on whole words of the product's
 * department and category, case-insensitive, so "BEER/ALE" and "Wine" both match.
 */
export class RestrictionPolicy {
  private readonly words: Set<string>;

  constructor(restrictedCategories: string, readonly kioskShowsRestricted: boolean) {
    this.words = new Set(restrictedCategories.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean));
  }

  isRestricted(p: { department: string; category: string; restricted: 0 | 1 | boolean }): boolean {
    if (p.restricted === 1 || p.restricted === true) return true;
    const text = `${p.department} ${p.category}`.toLowerCase();
    return text.split(/[^a-z]+/).some((w) => this.words.has(w));
  }
}
