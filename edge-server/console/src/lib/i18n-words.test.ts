import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, describeError, networkError, toApiError } from './api-error';
import { discountHint, discountKindLabel, parseMoneyInput } from './forms';
import { consoleI18n } from './i18n';
import { describeDiscount, describeUsage } from './promotions';
import { roleLabel } from './roles';

// Intl writes a narrow no-break space (U+202F) or a no-break space (U+00A0) inside Russian numbers.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

function inRussianStore() {
  consoleI18n.setStore({ locale: 'ru-RU', currency: 'RUB', timeZone: 'Europe/Moscow' });
  consoleI18n.choose('ru');
}

afterEach(() => {
  consoleI18n.choose(null);
  consoleI18n.setStore({ locale: 'en-US', currency: 'USD', timeZone: 'America/New_York' });
});

describe('describeError speaks the user\'s language', () => {
  it('in English it keeps the server\'s own (most specific) message', () => {
    expect(describeError(toApiError(404, { error: { code: 'VITRINA_ERR_CUSTOMER_UNKNOWN', message: 'No customer "c1".' } }))).toBe('No customer "c1".');
  });
  it('in Russian it words the error code, keeps field details, and falls back to the server message for a code it does not know', () => {
    inRussianStore();
    expect(describeError(toApiError(409, { error: { code: 'VITRINA_ERR_INSUFFICIENT_POINTS', message: 'Not enough points.' } }))).toBe('Недостаточно баллов.');
    expect(describeError(toApiError(400, { error: { code: 'VITRINA_ERR_VALIDATION', message: 'Bad body.', details: [{ path: '/name', message: 'too short' }] } }))).toBe('Данные запроса заполнены неверно. (/name: too short)');
    expect(describeError(new ApiError(422, 'VITRINA_ERR_FROM_THE_FUTURE' as never, 'A newer server said this.'))).toBe('A newer server said this.');
    expect(describeError(networkError())).toMatch(/^Нет связи с сервером магазина/);
    expect(describeError(toApiError(502, '<html>Bad gateway</html>'))).toBe('Ошибка на сервере. Попробуйте ещё раз.');
    expect(describeError(toApiError(429, undefined))).toMatch(/^Слишком много запросов/);
    expect(describeError('x')).toBe('Что-то пошло не так.');
    expect(describeError(new ApiError(200, 'CONSOLE_BAD_RESPONSE', 'The server sent an empty file.'))).toBe('Сервер прислал ответ, который консоль не может прочитать.');
  });
});

describe('form words in Russian', () => {
  it('discount kinds, their hints in the store currency, roles', () => {
    inRussianStore();
    expect(discountKindLabel('percent')).toBe('Скидка в процентах');
    expect(discountHint('amount')).toBe('Сумма скидки (RUB)');
    expect(roleLabel('marketer')).toBe('Маркетолог');
    consoleI18n.choose('en');
    expect(discountKindLabel('price')).toBe('Fixed price');
    expect(discountHint('price')).toBe('Offer price (RUB)');
    expect(roleLabel('admin')).toBe('Admin');
  });
  it('promotion texts: the kiosk\'s discount words and usage with plural forms', () => {
    inRussianStore();
    expect(plain(describeDiscount({ type: 'amount', value: 150 }))).toBe('Скидка 1,50 ₽');
    expect(describeDiscount({ type: 'points', value: 22 })).toBe('22 бонусных балла');
    const usage = (uses: number, maxUses?: number) => plain(describeUsage({ id: 'p', status: 'live', usage: { uses, discountMinor: 3400 }, definition: { limits: maxUses ? { maxUses } : {} } } as never));
    expect(usage(5)).toBe('5 использований · скидок на 34,00 ₽');
    expect(usage(2, 21)).toBe('2 из 21 использования · скидок на 34,00 ₽');
  });
});

describe('money typed the Russian way', () => {
  it('a decimal comma is a decimal point, spaces and the rouble sign are ignored', () => {
    expect(parseMoneyInput('25,5')).toBe(2550);
    expect(parseMoneyInput('1 234,56 ₽')).toBe(123456);
    expect(parseMoneyInput('1\u00a0234 руб.')).toBe(123400);
    expect(parseMoneyInput('1,234')).toBe(123400);
    expect(parseMoneyInput('1,234.56')).toBe(123456);
    expect(parseMoneyInput('25,505')).toBe(2550500);
    expect(parseMoneyInput('-25,5')).toBeNull();
  });
});
