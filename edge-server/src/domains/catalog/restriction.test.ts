import { describe, expect, it } from 'vitest';
import { seededRandom } from '@vitrina/models/random';
import { loadConfig } from '../../platform/config/load.js';
import { isRestrictedProduct, namesRestrictedTerm, restrictedTerms, stem, stemsOf } from './restriction.js';

const DEFAULT_LIST = loadConfig({}).RESTRICTED_CATEGORIES;
const terms = restrictedTerms(DEFAULT_LIST);
const restricted = (category: string, department = 'Grocery') => isRestrictedProduct({ department, category }, terms);

const pick = <T>(rnd: () => number, xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

/** Restricted words in the forms shelves and suppliers write them: singular and plural. */
const RESTRICTED_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['beer', 'beers'], ['ale', 'ales'], ['lager', 'lagers'], ['stout', 'stouts'], ['wine', 'wines'], ['champagne', 'champagnes'],
  ['spirit', 'spirits'], ['liquor', 'liquors'], ['liqueur', 'liqueurs'], ['vodka', 'vodkas'], ['whisky', 'whiskies'],
  ['whiskey', 'whiskeys'], ['gin', 'gins'], ['rum', 'rums'], ['tequila', 'tequilas'], ['brandy', 'brandies'], ['cognac', 'cognacs'],
  ['bourbon', 'bourbons'], ['cigarette', 'cigarettes'], ['cigar', 'cigars'], ['cigarillo', 'cigarillos'], ['tobacco', 'tobaccos'],
  ['vape', 'vapes'], ['alcohol', 'alcohols'],
];
/** Ordinary grocery words, many of them near misses of a restricted word (kale/ale, ginger/gin, whisk/whisky, sales/ales). */
const ORDINARY_WORDS = [
  'Bakery', 'Bread', 'Kale', 'Sale', 'Sales', 'Scale', 'Scales', 'Female', 'Pale', 'Alerts', 'Alert', 'Valentine', 'Ginger', 'Gingerbread',
  'Engine', 'Virginia', 'Begin', 'Rumaki', 'Drum', 'Spiritual', 'Winery', 'Swine', 'Twine', 'Beets', 'Beef', 'Whisk',
  'Whisks', 'Cigarette-free', 'Stoutly', 'Lagoon', 'Vaper', 'Brandywine', 'Gala', 'Apples', 'Cheeses', 'Dairy', 'Produce', 'Frozen',
  'Snacks', 'Candy', 'Cereal', 'Coffee', 'Tea', 'Juice', 'Soft', 'Drinks', 'Water', 'Restricted', 'Diet', 'Baby', 'Food', 'Pet',
  'Household', 'Paper', 'Goods', 'Cosmetics', 'Pharmacy', 'Deli', 'Meat', 'Seafood', 'Pastry', 'Salad', 'Ales-Free',
];
const BEFORE = ORDINARY_WORDS.filter((w) => w !== 'Ginger');
const AFTER = ORDINARY_WORDS.filter((w) => !/free$/i.test(w));
const SEPARATORS = [' ', '/', ' & ', '-', ', ', ' and ', '/ '];

function casing(rnd: () => number, word: string) {
  const r = rnd();
  if (r < 0.33) return word.toUpperCase();
  if (r < 0.66) return word.toLowerCase();
  return word[0]!.toUpperCase() + word.slice(1).toLowerCase();
}

describe('the restriction policy (one function: catalogue writes, kiosk, signage, campaigns)', () => {
  it('stems plurals to their singular and leaves other words whole', () => {
    expect(['beers', 'ales', 'wines', 'spirits', 'liquors', 'cigarettes', 'cigars', 'tobacco', 'whiskies', 'brandies'].map(stem))
      .toEqual(['beer', 'ale', 'wine', 'spirit', 'liquor', 'cigarette', 'cigar', 'tobacco', 'whisky', 'brandy']);
    expect(['glass', 'glasses', 'boxes', 'citrus', 'kale', 'sales', 'gin', 'ginger'].map(stem)).toEqual(['glass', 'glass', 'box', 'citrus', 'kale', 'sale', 'gin', 'ginger']);
    expect(stemsOf('Beers/Ales')).toEqual(['beer', 'ale']);
  });

  it('restricts every department and category of the demo data that sells alcohol or tobacco, and none of its neighbours', () => {
    for (const c of ['Beers/Ales', 'Domestic Wine', 'Imported Wine', 'Misc Wine', 'Liquor', 'Cigarettes', 'Tobacco Other']) expect(restricted(c), c).toBe(true);
    expect(restricted('Liquor', 'Spirits')).toBe(true);
    expect(restricted('Gift Sets', 'Spirits')).toBe(true);
    for (const c of ['Restricted Diet', 'Valentine', 'Salad Mix', 'Soft Drinks', 'Coupon/Misc Items', 'Bakery', 'Kale & Greens']) expect(restricted(c), c).toBe(false);
  });

  it('restricts on an explicit flag whatever the category; an explicit false does not lift a restricted category', () => {
    expect(isRestrictedProduct({ department: 'Grocery', category: 'Snacks', restricted: true }, terms)).toBe(true);
    expect(isRestrictedProduct({ department: 'Grocery', category: 'Snacks', restricted: 1 }, terms)).toBe(true);
    expect(isRestrictedProduct({ department: 'Grocery', category: 'Snacks', restricted: 0 }, terms)).toBe(false);
    expect(isRestrictedProduct({ department: 'Grocery', category: 'Beers/Ales', restricted: false }, terms)).toBe(true);
  });

  it('knows soft drinks and household goods that carry a restricted word, and negations', () => {
    for (const c of ['Root Beer', 'Ginger Ale', 'GINGER BEER', 'Birch Beer', 'Rubbing Alcohol', 'Isopropyl Alcohol', 'Alcohol-Free Mouthwash', 'Non-Alcoholic Beverages', 'Apple Cider', 'Seltzer Water'])
      expect(restricted(c), c).toBe(false);
    // Conservative on compounds: a hyphenated word that contains a term still names it.
    for (const c of ['Non-Alcoholic Beer', 'Ginger Ale & Lager', 'Root Beer / Ales', 'Hard Cider', 'Hard Seltzers', 'E-Cigarettes', 'Alcohol Free Wine', 'Beer-Battered Fish'])
      expect(restricted(c), c).toBe(true);
  });

  it('uses the configured list: terms of several words, any case and spacing', () => {
    const custom = restrictedTerms(' Lottery Tickets ,FIREWORKS,,');
    expect(namesRestrictedTerm('Lottery tickets/Scratch', custom)).toBe(true);
    expect(namesRestrictedTerm('Tickets', custom)).toBe(false);
    expect(namesRestrictedTerm('Seasonal Firework', custom)).toBe(true);
    expect(namesRestrictedTerm('Beers/Ales', custom)).toBe(false);
    // The list the examples ship (deploy/env/edge.env.example), older than this policy, catches "Beers/Ales" too.
    expect(namesRestrictedTerm('Beers/Ales', restrictedTerms('alcohol,tobacco,beer,wine,spirits,cigarettes,liquor'))).toBe(true);
  });

  it('property: every inflected restricted word, in any case, position and punctuation, restricts the category', () => {
    const rnd = seededRandom(13);
    for (let n = 0; n < 5000; n++) {
      const [singular, plural] = pick(rnd, RESTRICTED_WORDS);
      const word = casing(rnd, rnd() < 0.5 ? singular : plural);
      // Not right before the word: "Ginger" (ginger ale is a soft drink); not right after it: "…-free".
      const before = Array.from({ length: Math.floor(rnd() * 3) }, () => casing(rnd, pick(rnd, BEFORE)));
      const after = Array.from({ length: Math.floor(rnd() * 3) }, () => casing(rnd, pick(rnd, AFTER)));
      const parts = [...before, word, ...after];
      const category = parts.reduce((acc, p, i) => (i === 0 ? p : acc + pick(rnd, SEPARATORS) + p), '');
      expect(restricted(category), category).toBe(true);
      expect(isRestrictedProduct({ department: category, category: 'Misc' }, terms), `department ${category}`).toBe(true);
    }
  });

  it('property: no combination of ordinary grocery words is restricted (whole stems, never substrings)', () => {
    const rnd = seededRandom(2026);
    for (let n = 0; n < 5000; n++) {
      const parts = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => casing(rnd, pick(rnd, ORDINARY_WORDS)));
      const category = parts.reduce((acc, p, i) => (i === 0 ? p : acc + pick(rnd, SEPARATORS) + p), '');
      expect(restricted(category), category).toBe(false);
    }
  });
});
