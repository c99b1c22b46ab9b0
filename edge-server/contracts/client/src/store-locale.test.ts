import { describe, expect, it } from 'vitest';
import { cachedStoreLocale, fetchStoreLocale } from './store-locale';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}
const RU = { locale: 'ru-RU', currency: 'RUB', timeZone: 'Europe/Moscow' };
const answer = (body: unknown, status = 200) => (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;

describe('the store locale on a device', () => {
  it('keeps what the server said, for the next boot offline', async () => {
    const storage = memoryStorage();
    expect(cachedStoreLocale(storage)).toBeNull();
    expect(await fetchStoreLocale(storage, answer(RU))).toEqual(RU);
    expect(cachedStoreLocale(storage)).toEqual(RU);
  });

  it('keeps the old one when offline, on an error, or on an answer that is not a locale', async () => {
    const storage = memoryStorage();
    await fetchStoreLocale(storage, answer(RU));
    const offline = (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch;
    expect(await fetchStoreLocale(storage, offline)).toBeNull();
    expect(await fetchStoreLocale(storage, answer({ error: 'x' }, 500))).toBeNull();
    expect(await fetchStoreLocale(storage, answer({ ...RU, locale: 'de-DE' }))).toBeNull();
    expect(await fetchStoreLocale(storage, answer({ ...RU, currency: 'XYZ' }))).toBeNull();
    expect(cachedStoreLocale(storage)).toEqual(RU);
  });

  it('ignores a damaged cache', () => {
    expect(cachedStoreLocale({ getItem: () => '{not json' })).toBeNull();
  });
});
