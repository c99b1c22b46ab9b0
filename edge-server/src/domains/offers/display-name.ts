/**
 * What a shopper reads on a card. Staff may give a product a short name (catalogue API, CSV,
 * 1C); without one the catalogue's name is cleaned here: pack codes ("12/18&15pk"), carton
 * abbreviations ("Car", "Ctn") and size codes in brackets ("(600)") are dropped, ALL CAPS become
 * Title Case, and what is left is cut at a word to fit a card. "Soft Drinks 12/18&15pk Can Car
 * 12 oz" → "Soft Drinks Can 12 oz".
 */
export const DISPLAY_NAME_MAX = 32;

/** Words of a case or carton, not of the product a shopper buys. */
const PACKAGING_WORDS = new Set(['car', 'ctn', 'cs', 'bx', 'pk', 'pkg']);

export function displayNameOf(product: { name: string; short_name: string | null }): string {
  const given = product.short_name?.trim();
  if (given) return given;
  return shorten(product.name);
}

export function shorten(name: string): string {
  const words = name
    .replace(/\([^)]*\d[^)]*\)/g, ' ') // "(600)", "(12 ct)": size codes in brackets
    .split(/\s+/)
    .filter((w) => w && !/\d[/&]|[/&]\d/.test(w) && !PACKAGING_WORDS.has(w.toLowerCase()));
  const cleaned = titleCaseIfShouting(words.join(' ')) || name.trim();
  if (cleaned.length <= DISPLAY_NAME_MAX) return cleaned;
  let out = '';
  for (const w of cleaned.split(' ')) {
    if ((out ? `${out} ${w}` : w).length > DISPLAY_NAME_MAX - 1) break;
    out = out ? `${out} ${w}` : w;
  }
  return `${out || cleaned.slice(0, DISPLAY_NAME_MAX - 1)}…`;
}

/** Catalogues often shout ("FRZN SS PREMIUM ENTREES"); mixed case is left as it is. */
function titleCaseIfShouting(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s/&(-])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * The card's image: a path the edge server serves under /media/ (catalogue images are copied
 * there; a relative 1C path such as "import_files/ab/milk.jpg" is looked up under it). Remote
 * URLs are not used: the kiosk's CSP allows same-origin images only, and a store's kiosk must
 * not depend on the internet. Null: the card draws its placeholder.
 */
export function imageUrlOf(image: string | null): string | null {
  const v = image?.trim();
  if (!v || /^[a-z][a-z0-9+.-]*:/i.test(v) || v.startsWith('//') || v.includes('..')) return null;
  if (v.startsWith('/media/')) return v;
  if (v.startsWith('/')) return null;
  return `/media/${v}`;
}
