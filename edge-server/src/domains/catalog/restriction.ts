/**
 * The one restriction policy: is a product age-restricted (alcohol, tobacco, …)?
 *
 * A product is restricted when it was written with an explicit `restricted` flag, or when its
 * department or category names a restricted term of the store's list (RESTRICTED_CATEGORIES).
 * Names are matched on whole word stems, never on substrings: text is lower-cased, split on
 * anything that is not a letter, and each word is reduced to its singular ("Beers/Ales" →
 * beer, ale; "Cigarettes" → cigarette; "Whiskies" → whisky), so "Kale", "Sales" and
 * "Valentine" never match "ale". A term of several words ("hard cider") matches those stems
 * in a row. A few soft-drink and household phrases are not restricted even though they
 * contain a restricted word ("root beer", "ginger ale", "rubbing alcohol"), and neither is
 * a negated term ("alcohol-free", "non-alcoholic"); anything else that names a term is
 * restricted ("Non-Alcoholic Beer" still names beer).
 *
 * The catalogue decides the stored flag with it when products are written, and the offers
 * (kiosk and signage) and campaigns ask it again when reading, so a product row written
 * without the flag is still treated as restricted.
 */

/** Restricted terms, parsed once: each is a sequence of stems. */
export interface RestrictedTerms {
  readonly terms: ReadonlyArray<readonly string[]>;
}

/** Endings that are not plurals: "glass", "citrus", "analysis". */
const NOT_PLURAL = /(?:ss|us|is)$/;
/** Plurals in -es: "boxes", "peaches", "dishes", "glasses", "fizzes". */
const ES_PLURAL = /(?:x|z|ch|sh|ss)es$/;

/** Phrases that contain a restricted word but name something that is not restricted. */
const NOT_RESTRICTED_PHRASES: ReadonlyArray<readonly string[]> = [
  ['root', 'beer'], ['birch', 'beer'], ['ginger', 'beer'], ['ginger', 'ale'],
  ['rubbing', 'alcohol'], ['isopropyl', 'alcohol'],
].map((p) => p.map(stem));

/** One lower-case word reduced to its singular stem (simple English plurals). */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (ES_PLURAL.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !NOT_PLURAL.test(w)) return w.slice(0, -1);
  return w;
}

/** The stems of a text, in order: lower-cased, split on anything that is not a letter. */
export function stemsOf(text: string): string[] {
  return text.toLowerCase().split(/[^a-z]+/).filter(Boolean).map(stem);
}

/** Parses a comma-separated list of restricted terms ("alcohol, beer, hard cider"). */
export function restrictedTerms(list: string): RestrictedTerms {
  const terms = list.split(',').map(stemsOf).filter((t) => t.length > 0);
  return { terms };
}

const startsAt = (stems: readonly string[], i: number, seq: readonly string[]) => i >= 0 && seq.every((s, k) => stems[i + k] === s);

/** The term at `i..end` sits inside a not-restricted phrase ("root beer": the phrase ends where the term ends). */
function inHarmlessPhrase(stems: readonly string[], end: number, term: readonly string[]) {
  return NOT_RESTRICTED_PHRASES.some((p) => p.length > term.length && startsAt(p, p.length - term.length, term) && startsAt(stems, end - p.length, p));
}

/** Whether the text names a restricted term (whole stems, outside the not-restricted phrases). */
export function namesRestrictedTerm(text: string, { terms }: RestrictedTerms): boolean {
  const stems = stemsOf(text);
  for (let i = 0; i < stems.length; i++) {
    for (const term of terms) {
      if (!startsAt(stems, i, term)) continue;
      const end = i + term.length;
      // "Alcohol-Free", "Non-Alcoholic": the negation of the term, not the term.
      if (stems[end] === 'free' || stems[i - 1] === 'non') continue;
      if (!inHarmlessPhrase(stems, end, term)) return true;
    }
  }
  return false;
}

/** What the policy reads of a product: its explicit flag (if any), its department and category. */
export interface RestrictionInput {
  department: string;
  category: string;
  restricted?: 0 | 1 | boolean | null;
}

/**
 * THE restriction policy: an explicit flag restricts; otherwise the department or category
 * decides. An explicit `false` does not lift a restricted category (a product filed under
 * "Beers/Ales" stays restricted; take the term out of the list to change that).
 */
export function isRestrictedProduct(p: RestrictionInput, terms: RestrictedTerms): boolean {
  if (p.restricted === 1 || p.restricted === true) return true;
  // Department and category separately: "Wine" + "Gift Sets" must not read as one phrase.
  return namesRestrictedTerm(p.department, terms) || namesRestrictedTerm(p.category, terms);
}
