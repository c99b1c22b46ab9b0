import { isKnownCurrency, STORE_LOCALE_PATH, STORE_LOCALES, type StoreLocale } from '@vitrina/contracts/locale';

const KEY = 'vitrina.storeLocale';

function isStoreLocale(value: unknown): value is StoreLocale {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (STORE_LOCALES as readonly unknown[]).includes(v.locale) && typeof v.currency === 'string' && isKnownCurrency(v.currency)
    && typeof v.timeZone === 'string' && v.timeZone.length > 0;
}

/** The store locale this device was last told, so a screen that boots offline speaks the store's language. */
export function cachedStoreLocale(storage: Pick<Storage, 'getItem'> = window.localStorage): StoreLocale | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(KEY) ?? 'null');
    return isStoreLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Asks the edge server for the store's locale, currency and time zone (GET /api/store/locale, no
 * credential) and keeps the answer. `null` when offline or the answer is not one: the caller keeps
 * what it has.
 */
export async function fetchStoreLocale(storage: Pick<Storage, 'setItem'> = window.localStorage, fetchFn: typeof fetch = fetch): Promise<StoreLocale | null> {
  try {
    const res = await fetchFn(STORE_LOCALE_PATH, { headers: { accept: 'application/json' } });
    if (!res.ok) return null;
    const value: unknown = await res.json();
    if (!isStoreLocale(value)) return null;
    storage.setItem(KEY, JSON.stringify(value));
    return value;
  } catch {
    return null;
  }
}
