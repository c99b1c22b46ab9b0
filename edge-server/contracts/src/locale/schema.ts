import { Type, type Static } from 'typebox';
import type { StoreLocale } from './store-locale.js';

/** The TypeBox schema of `StoreLocale` (GET /api/store/locale); exported from the main entry only. */
export const StoreLocaleSchema = Type.Object({
  locale: Type.Union([Type.Literal('en-US'), Type.Literal('ru-RU')]),
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  timeZone: Type.String({ minLength: 1 }),
});

// The schema and the interface describe the same object (a compile error otherwise).
export const STORE_LOCALE_SCHEMA_MATCHES: Static<typeof StoreLocaleSchema> extends StoreLocale ? (StoreLocale extends Static<typeof StoreLocaleSchema> ? true : never) : never = true;
