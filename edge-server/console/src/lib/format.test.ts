import { describe, expect, it } from 'vitest';
import { displayName, formatMoneyWhole, groupDigits, formatAgo, formatCount, formatDateTimeSpan, formatDuration, formatInterval, formatLocalDate, formatMoney, formatMoneyCompact, formatPercent, formatRoi, intervalVerdict } from './format';

describe('money', () => {
  it('formats integer minor units as dollars with cents', () => {
    expect(formatMoney(123456)).toBe('$1,234.56');
    expect(formatMoney(5)).toBe('$0.05');
    expect(formatMoney(-250)).toBe('-$2.50');
  });
  it('shows a dash, not $0.00, when the value is unknown', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(undefined)).toBe('—');
    expect(formatMoney(Number.NaN)).toBe('—');
  });
  it('rounds totals to whole dollars', () => {
    expect(formatMoneyWhole(2622642)).toBe('$26,226');
    expect(formatMoneyWhole(49)).toBe('$0');
    expect(formatMoneyWhole(null)).toBe('—');
  });
  it('keeps cents below $10,000 and compacts above', () => {
    expect(formatMoneyCompact(999_999)).toBe('$9,999.99');
    expect(formatMoneyCompact(1_234_567_89)).toBe('$1.2M');
  });
});

describe('percent and intervals', () => {
  it('turns ratios into percentages', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.5, { digits: 0 })).toBe('50%');
  });
  it('signs gains and losses, and never prints -0.0%', () => {
    expect(formatPercent(0.084, { signed: true })).toBe('+8.4%');
    expect(formatPercent(-0.021, { signed: true })).toBe('−2.1%');
    expect(formatPercent(-0.00001, { signed: true })).toBe('0.0%');
  });
  it('formats a 95% CI with both bounds signed', () => {
    expect(formatInterval(-0.021, 0.084)).toBe('[−2.1%, +8.4%]');
    expect(formatInterval(null, 0.1)).toBe('—');
  });
  it('judges an interval by whether it excludes zero', () => {
    expect(intervalVerdict(0.01, 0.2)).toBe('positive');
    expect(intervalVerdict(-0.3, -0.01)).toBe('negative');
    expect(intervalVerdict(-0.1, 0.2)).toBe('inconclusive');
    expect(intervalVerdict(0, 0.2)).toBe('inconclusive');
    expect(intervalVerdict(null, null)).toBe('inconclusive');
  });
  it('formats ROI as a signed whole percentage', () => {
    expect(formatRoi(1.5)).toBe('+150%');
    expect(formatRoi(-0.25)).toBe('−25%');
  });
});

describe('dates and durations', () => {
  it('formats a store-local day without shifting it by the viewer time zone', () => {
    expect(formatLocalDate('2026-03-01')).toBe('Mar 1, 2026');
    expect(formatLocalDate('not a day')).toBe('not a day');
  });
  it('says how long ago a device was seen', () => {
    const now = Date.parse('2026-11-22T20:00:00Z');
    expect(formatAgo('2026-11-22T19:59:30Z', now)).toBe('30 s ago');
    expect(formatAgo('2026-11-22T19:55:00Z', now)).toBe('5 min ago');
    expect(formatAgo('2026-11-22T17:00:00Z', now)).toBe('3 h ago');
    expect(formatAgo('2026-11-18T20:00:00Z', now)).toBe('4 d ago');
    expect(formatAgo(null, now)).toBe('never');
  });
  it('formats uptime', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(7500)).toBe('2 h 5 min');
    expect(formatDuration(3 * 86400 + 4 * 3600)).toBe('3 d 4 h');
  });
  it('counts with thousands separators', () => {
    expect(formatCount(12345)).toBe('12,345');
  });
  it('title-cases ALL CAPS catalogue names only', () => {
    expect(displayName('FRZN SS PREMIUM ENTREES')).toBe('Frzn Ss Premium Entrees');
    expect(displayName('Sourdough loaf')).toBe('Sourdough loaf');
  });
});

describe('groupDigits', () => {
  it('groups card numbers in fours without a trailing space', () => {
    expect(groupDigits('0255786029914304')).toBe('0255 7860 2991 4304');
    expect(groupDigits('12345')).toBe('1234 5');
    expect(groupDigits('1234')).toBe('1234');
  });
});

describe('spans of time', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  it("leaves this year's year out when both ends are in it", () => {
    expect(formatDateTimeSpan('2026-03-01T12:30:00Z', '2026-11-28T03:32:00Z', now)).toEqual({ from: 'Mar 1, 07:30', to: 'Nov 27, 22:32' });
  });
  it('gives both ends their year when one is in another year, so the span never reads backwards', () => {
    expect(formatDateTimeSpan('2025-11-29T12:30:00Z', '2026-11-28T03:32:00Z', now)).toEqual({ from: 'Nov 29, 2025, 07:30', to: 'Nov 27, 2026, 22:32' });
    expect(formatDateTimeSpan('2024-01-02T12:30:00Z', '2024-05-02T12:30:00Z', now)).toEqual({ from: 'Jan 2, 2024, 07:30', to: 'May 2, 2024, 08:30' });
  });
  it('shows a dash for an unknown end', () => {
    expect(formatDateTimeSpan(null, '2026-11-28T03:32:00Z', now)).toEqual({ from: '—', to: expect.stringMatching(/^Nov 27, (2026, )?22:32$/) });
  });
});

describe('in Russian, for a rouble store', () => {
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  it('writes money, counts, percentages, days and "ago" the Russian way', async () => {
    const { consoleI18n } = await import('./i18n');
    consoleI18n.setStore({ locale: 'ru-RU', currency: 'RUB', timeZone: 'Europe/Moscow' });
    try {
      expect(plain(formatMoney(123456))).toBe('1 234,56 ₽');
      expect(plain(formatMoneyWhole(2622642))).toBe('26 226 ₽');
      expect(plain(formatCount(12345))).toBe('12 345');
      expect(plain(formatPercent(0.1234))).toBe('12,3 %');
      expect(plain(formatPercent(-0.021, { signed: true }))).toBe('−2,1 %');
      expect(plain(formatLocalDate('2026-03-01'))).toBe('1 мар. 2026 г.');
      expect(formatAgo('2026-11-22T19:55:00Z', Date.parse('2026-11-22T20:00:00Z'))).toBe('5 мин назад');
      expect(formatDuration(7500)).toBe('2 ч 5 мин');
      consoleI18n.choose('en');
      expect(formatMoney(123456)).toBe('₽1,234.56');
      expect(formatAgo(null)).toBe('never');
    } finally {
      consoleI18n.choose(null);
      consoleI18n.setStore({ locale: 'en-US', currency: 'USD', timeZone: 'America/New_York' });
    }
    expect(formatMoney(123456)).toBe('$1,234.56');
  });
});
