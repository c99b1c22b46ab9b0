import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { createFormatters, type Formatters } from './format.js';
import { DEFAULT_STORE_LOCALE, languageOf, type Language, type StoreLocale } from './store-locale.js';

/** A nested message catalogue as the apps keep it (`src/i18n/en.json`, `ru.json`). */
export interface Catalogue {
  [key: string]: string | Catalogue;
}

/** What a screen renders with: replaced as a whole on every change, so it can be compared by identity. */
export interface AppLocale {
  language: Language;
  /** The store's locale, currency and time zone (the last one the server told, or the demo store's). */
  store: StoreLocale;
  /** The language the store speaks when nobody chose another. */
  storeLanguage: Language;
  /** True while a person's own choice overrides the store's language. */
  chosen: boolean;
  t: TFunction;
  fmt: Formatters;
}

export interface AppI18n {
  i18n: I18n;
  current(): AppLocale;
  /** For useSyncExternalStore: calls `listener` after every change. */
  subscribe(listener: () => void): () => void;
  /** The store's locale arrived (or changed): numbers and the default language follow it. */
  setStore(store: StoreLocale): void;
  /** A person's language; `null` goes back to the store's. */
  choose(language: Language | null): void;
}

/**
 * One app's i18next instance and the state around it: the store's locale from the server, and
 * a person's own language choice on top (the kiosk shopper's for one session, the console user's
 * remembered choice). Framework-free, so each app's `lib/use-t.ts` is a few lines of Preact and
 * the logic is tested once, here. Catalogues are bundled and loaded synchronously: a kiosk never
 * waits for a translation file.
 */
export function createAppI18n(catalogues: Record<Language, Catalogue>, store: StoreLocale = DEFAULT_STORE_LOCALE): AppI18n {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { en: { translation: catalogues.en }, ru: { translation: catalogues.ru } },
    lng: languageOf(store.locale),
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  let chosen: Language | null = null;
  const listeners = new Set<() => void>();
  const snapshot = (): AppLocale => {
    const storeLanguage = languageOf(store.locale);
    const language = chosen ?? storeLanguage;
    return { language, store, storeLanguage, chosen: chosen !== null && chosen !== storeLanguage, t: i18n.getFixedT(language), fmt: createFormatters(store, language) };
  };
  let current = snapshot();
  const update = () => {
    current = snapshot();
    void i18n.changeLanguage(current.language);
    for (const l of listeners) l();
  };
  return {
    i18n,
    current: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setStore(next) {
      if (next.locale === store.locale && next.currency === store.currency && next.timeZone === store.timeZone) return;
      store = next;
      update();
    },
    choose(language) {
      if (language === chosen) return;
      chosen = language;
      update();
    },
  };
}

/**
 * Catalogue checks every app's test runs: each key the source uses exists in every catalogue
 * (a plural key counts when its `_one`/`_other` forms do), and the catalogues have the same keys.
 * Returns the problems, one line each; an empty list is a pass.
 */
export function catalogueProblems(usedKeys: Iterable<string>, catalogues: Record<Language, Catalogue>): string[] {
  const flat = (obj: Catalogue, prefix = ''): string[] =>
    Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flat(v, `${prefix}${k}.`)));
  const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
  const problems: string[] = [];
  const en = flat(catalogues.en);
  const enBase = new Set(en.map(base));
  for (const lang of ['en', 'ru'] as const) {
    const keys = new Set(flat(catalogues[lang]).map(base));
    for (const key of usedKeys) if (!keys.has(key)) problems.push(`${lang}: missing "${key}"`);
    for (const key of keys) if (!enBase.has(key)) problems.push(`${lang}: "${key}" is not in en`);
    if (lang !== 'en') for (const key of enBase) if (!keys.has(key)) problems.push(`${lang}: missing "${key}" (in en)`);
  }
  // Plural forms: English needs one and other; Russian one, few, many and other.
  const forms: Record<Language, string[]> = { en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] };
  for (const lang of ['en', 'ru'] as const) {
    const all = new Set(flat(catalogues[lang]));
    const plurals = new Set([...all].filter((k) => base(k) !== k).map(base));
    for (const p of plurals) for (const f of forms[lang]) if (!all.has(`${p}_${f}`)) problems.push(`${lang}: "${p}" lacks its "${f}" form`);
  }
  return [...new Set(problems)];
}

/** The message keys a source file passes to `t('…')` as literals. */
export function keysUsedIn(source: string): string[] {
  return [...source.matchAll(/\bt\(\s*(['"`])([\w.-]+)\1/g)].map((m) => m[2]!);
}
