/** The store locales Vitrina has catalogues for: every screen a person reads comes in these two. */
export const STORE_LOCALES = ['en-US', 'ru-RU'] as const;
export type StoreLocaleTag = (typeof STORE_LOCALES)[number];

/** A catalogue language; a locale tag names one (en-US → en). */
export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * How the store writes numbers, money and dates (GET /api/store/locale): its locale
 * (STORE_LOCALE), its ISO 4217 currency (STORE_CURRENCY) and its IANA time zone (STORE_TIME_ZONE).
 * The devices keep the last answer, so a screen that boots offline still speaks the store's language.
 * (Its TypeBox schema is `StoreLocaleSchema` in schema.ts, apart, so the apps' bundles need no TypeBox.)
 */
export interface StoreLocale {
  locale: StoreLocaleTag;
  currency: string;
  timeZone: string;
}

/** Where the devices ask for it (ROUTES.system.storeLocale; the device client fetches this path without the route map). */
export const STORE_LOCALE_PATH = '/api/store/locale';

/** The demo store's: English, US dollars, New York. */
export const DEFAULT_STORE_LOCALE: StoreLocale = { locale: 'en-US', currency: 'USD', timeZone: 'America/New_York' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** en-US → en, ru-RU → ru; anything else → en. */
export function languageOf(locale: string): Language {
  const lang = locale.split('-')[0]?.toLowerCase();
  return isLanguage(lang) ? lang : 'en';
}

/**
 * The locale to format numbers and dates in for a reader of `language` in this store: the store's
 * own locale when it speaks that language, else the language's usual one (an English-reading
 * shopper in a Russian store sees "1,250", a Russian reader "1 250"; the currency stays the store's).
 */
export function localeFor(language: Language, store: Pick<StoreLocale, 'locale'>): StoreLocaleTag {
  if (languageOf(store.locale) === language) return store.locale;
  return language === 'ru' ? 'ru-RU' : 'en-US';
}

/** Whether Intl knows the ISO 4217 code (config validation; the schema checks only its shape). */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported('currency').includes(code) : true;
}
