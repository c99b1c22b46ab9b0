import { describe, expect, it } from 'vitest';
import { discountText } from '../discount-text.js';
import { createFormatters } from './format.js';
import { SHARED_MESSAGES } from './shared-messages.js';
import { isKnownCurrency, languageOf, localeFor } from './store-locale.js';

// Intl writes a narrow no-break space (U+202F) or a no-break space (U+00A0) inside Russian numbers.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const ru = createFormatters({ locale: 'ru-RU', currency: 'RUB', timeZone: 'Europe/Moscow' });
const us = createFormatters({ locale: 'en-US', currency: 'USD', timeZone: 'America/New_York' });

/** Every key of a nested catalogue, plural suffixes folded to the base key. */
function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`]));
}

describe('points in Russian take the CLDR plural form of their count', () => {
  it.each([
    [1, '1 балл'], [2, '2 балла'], [5, '5 баллов'], [11, '11 баллов'], [21, '21 балл'], [22, '22 балла'], [0, '0 баллов'], [1250, '1 250 баллов'],
  ])('%i → %s', (n, text) => {
    expect(plain(ru.points(n))).toBe(text);
  });
  it('English has one and other', () => {
    expect(us.points(1)).toBe('1 point');
    expect(us.points(2)).toBe('2 points');
    expect(us.points(1250)).toBe('1,250 points');
  });
});

describe('money from minor units in the store currency', () => {
  it('USD in en-US', () => {
    expect(us.money(123456)).toBe('$1,234.56');
    expect(us.money(-50)).toBe('-$0.50');
  });
  it('RUB in ru-RU', () => {
    expect(plain(ru.money(123456))).toBe('1 234,56 ₽');
    expect(plain(ru.money(5))).toBe('0,05 ₽');
  });
  it('an English reader in a rouble store keeps the rouble, with English digits', () => {
    const enInRu = createFormatters({ locale: 'ru-RU', currency: 'RUB', timeZone: 'Europe/Moscow' }, 'en');
    expect(enInRu.money(123456)).toBe('₽1,234.56');
    expect(enInRu.points(5)).toBe('5 points');
  });
  it('a currency without minor units is not divided by 100', () => {
    const yen = createFormatters({ locale: 'en-US', currency: 'JPY', timeZone: 'Asia/Tokyo' });
    expect(yen.money(1500)).toBe('¥1,500');
  });
});

describe('dates', () => {
  it('a store-local day is written without a time-zone shift', () => {
    expect(us.day('2026-11-22')).toBe('Nov 22, 2026');
    expect(plain(ru.day('2026-11-22'))).toBe('22 нояб. 2026 г.');
  });
  it('an instant is written in the store time zone', () => {
    const inNovember2026 = Date.parse('2026-11-29T12:00:00Z');
    expect(us.dateTime('2026-11-22T20:10:00Z', inNovember2026)).toBe('Nov 22, 15:10');
    expect(plain(ru.dateTime('2026-11-22T20:10:00Z', inNovember2026))).toBe('22 нояб., 23:10');
  });
  it('an instant of another year carries its year (a member enrolled in 2023 does not read as enrolled this March)', () => {
    const inNovember2026 = Date.parse('2026-11-29T12:00:00Z');
    expect(plain(ru.dateTime('2023-03-01T00:00:00Z', inNovember2026))).toMatch(/^1 мар\. 2023 г\., 03:00$/);
    expect(us.dateTime('2023-03-01T12:00:00Z', inNovember2026)).toBe('Mar 1, 2023, 07:00');
  });
});

describe('discount text follows the language', () => {
  it('Russian', () => {
    expect(discountText('percent', 20, ru)).toBe('Скидка 20%');
    expect(plain(discountText('amount', 100, ru))).toBe('Скидка 1,00 ₽');
    expect(plain(discountText('points', 1000, ru))).toBe('1 000 бонусных баллов');
    expect(discountText('points', 21, ru)).toBe('21 бонусный балл');
    expect(plain(discountText('price', 29900, ru))).toBe('Теперь 299,00 ₽');
  });
  it('English with the store formatters', () => {
    expect(discountText('points', 1, us)).toBe('1 bonus point');
    expect(discountText('amount', 150, us)).toBe('$1.50 off');
  });
});

describe('catalogues and locales', () => {
  it('the shared catalogues have the same keys', () => {
    expect(new Set(keys(SHARED_MESSAGES.ru))).toEqual(new Set(keys(SHARED_MESSAGES.en)));
  });
  it('languageOf and localeFor', () => {
    expect(languageOf('ru-RU')).toBe('ru');
    expect(languageOf('de-DE')).toBe('en');
    expect(localeFor('en', { locale: 'ru-RU' })).toBe('en-US');
    expect(localeFor('ru', { locale: 'ru-RU' })).toBe('ru-RU');
  });
  it('currencies are checked against Intl', () => {
    expect(isKnownCurrency('RUB')).toBe(true);
    expect(isKnownCurrency('USD')).toBe(true);
    expect(isKnownCurrency('XYZ')).toBe(false);
    expect(isKnownCurrency('usd')).toBe(false);
  });
});

describe('an app\'s i18n state', () => {
  const catalogues = { en: { hello: 'Hello', apples_one: '{{count}} apple', apples_other: '{{count}} apples' }, ru: { hello: 'Привет', apples_one: '{{count}} яблоко', apples_few: '{{count}} яблока', apples_many: '{{count}} яблок', apples_other: '{{count}} яблока' } };

  it('speaks the store language until someone chooses, and goes back to it', async () => {
    const { createAppI18n } = await import('./app-i18n.js');
    const app = createAppI18n(catalogues);
    let changes = 0;
    app.subscribe(() => changes++);
    expect(app.current().t('hello')).toBe('Hello');
    app.setStore({ locale: 'ru-RU', currency: 'RUB', timeZone: 'Europe/Moscow' });
    expect(app.current().t('hello')).toBe('Привет');
    expect(app.current().t('apples', { count: 22 })).toBe('22 яблока');
    expect(plain(app.current().fmt.money(100))).toBe('1,00 ₽');
    const before = app.current();
    app.choose('en');
    expect(app.current()).not.toBe(before);
    expect(app.current()).toMatchObject({ language: 'en', chosen: true });
    expect(app.current().fmt.money(100)).toBe('₽1.00');
    app.choose(null);
    expect(app.current()).toMatchObject({ language: 'ru', chosen: false });
    expect(changes).toBe(3);
  });

  it('finds keys missing from a catalogue, keys only one side has, and missing plural forms', async () => {
    const { catalogueProblems, keysUsedIn } = await import('./app-i18n.js');
    expect(keysUsedIn("t('a.b') + t(\"c\", { count: 1 }) + format('x')")).toEqual(['a.b', 'c']);
    expect(catalogueProblems(['hello', 'apples'], catalogues)).toEqual([]);
    expect(catalogueProblems(['bye'], catalogues)).toEqual(['en: missing "bye"', 'ru: missing "bye"']);
    const { apples_few: _few, ...ruWithoutFew } = catalogues.ru;
    expect(catalogueProblems([], { en: catalogues.en, ru: { ...ruWithoutFew, extra: 'x' } })).toEqual(['ru: "extra" is not in en', 'ru: "apples" lacks its "few" form']);
  });
});

describe('the device screens\' shared words', () => {
  it('pick the device by context, in both languages', async () => {
    const { sharedT } = await import('./format.js');
    expect(sharedT('en')('device.notPaired', { context: 'kiosk' })).toBe('This kiosk is not paired');
    expect(sharedT('ru')('device.notPaired', { context: 'screen' })).toBe('Этот экран не подключён');
    expect(sharedT('ru')('device.pair', { context: 'kiosk' })).toBe('Подключить этот киоск');
  });
});
