import i18next, { type TFunction } from 'i18next';
import { SHARED_MESSAGES } from './shared-messages.js';
import { DEFAULT_STORE_LOCALE, languageOf, localeFor, type Language, type StoreLocale } from './store-locale.js';

/**
 * The shared words' own i18next instance (not any app's): built once, synchronously, so the
 * server and every app can format before anything else has loaded. `getFixedT` gives each
 * language its own translator without switching a global language.
 */
const shared = i18next.createInstance();
void shared.init({
  resources: { en: { translation: SHARED_MESSAGES.en }, ru: { translation: SHARED_MESSAGES.ru } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

/** A translator for the shared words (points, discounts) in `language`. */
export function sharedT(language: Language): TFunction {
  return shared.getFixedT(language);
}

/** Everything a screen formats for a person, in one object: bound to a store and a reader's language. */
export interface Formatters {
  /** The catalogue language. */
  language: Language;
  /** The Intl locale numbers and dates are written in. */
  locale: string;
  currency: string;
  timeZone: string;
  /** Integer minor units → "$1,234.56" / "1 234,56 ₽" (the currency's own number of decimals). */
  money(minor: number): string;
  /** A plain count: "1,250" / "1 250". */
  count(n: number): string;
  /** A points count with its noun in the right plural form: "1 point", "5 баллов". */
  points(n: number): string;
  /** A store-local day "2026-11-22" → "Nov 22, 2026" / "22 нояб. 2026 г." (no time-zone shift). */
  day(day: string): string;
  /** An instant → its date and time in the store's time zone: "Nov 22, 20:10". */
  /** Day, month and time in the store's time zone; the year too when it is not the current one (`now` for tests). */
  dateTime(iso: string, now?: number): string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formatters for the store (its currency and time zone) read in `language` (default: the store's
 * own). Every app and the server build theirs here, so a price reads the same on the kiosk, the
 * screen and the console.
 */
export function createFormatters(store: StoreLocale = DEFAULT_STORE_LOCALE, language: Language = languageOf(store.locale)): Formatters {
  const locale = localeFor(language, store);
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: store.currency, currencyDisplay: 'narrowSymbol' });
  const minorDigits = money.resolvedOptions().maximumFractionDigits ?? 2;
  const count = new Intl.NumberFormat(locale);
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: store.timeZone });
  // An instant of another year carries its year ("1 мар. 2023 г., 03:00"), or it reads as this year's.
  const dateTimeWithYear = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: store.timeZone });
  const yearOf = new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone: store.timeZone });
  const t = sharedT(language);
  return {
    language, locale, currency: store.currency, timeZone: store.timeZone,
    money: (minor) => money.format(minor / 10 ** minorDigits),
    count: (n) => count.format(n),
    points: (n) => t('points', { count: n, n: count.format(n) }),
    day: (d) => {
      const m = DAY.exec(d);
      return m ? day.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : d;
    },
    dateTime: (iso, now = Date.now()) => {
      const at = new Date(iso);
      if (Number.isNaN(at.getTime())) return iso;
      return (yearOf.format(at) === yearOf.format(now) ? dateTime : dateTimeWithYear).format(at);
    },
  };
}
