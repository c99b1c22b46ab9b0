/**
 * Display formatting for staff, in the user's language (lib/i18n.ts) and the store's currency and
 * time zone: money, counts and days come from contracts' createFormatters, the few console-only
 * shapes (compact money, percentages, "5 min ago") are built here from the same locale.
 * Plain functions, read at render time: the shell re-renders the page when the language changes.
 */
import { consoleI18n } from './i18n';

const DASH = '—';

const current = () => consoleI18n.current();

/** Intl formats cached per locale + currency (the language can change at run time). */
const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(kind: 'compact' | 'whole' | 'percent', digits = 0): Intl.NumberFormat {
  const { fmt } = current();
  const key = `${fmt.locale}|${fmt.currency}|${kind}|${digits}`;
  let nf = cache.get(key);
  if (!nf) {
    const money = { style: 'currency', currency: fmt.currency, currencyDisplay: 'narrowSymbol' } as const;
    nf = new Intl.NumberFormat(fmt.locale, kind === 'compact' ? { ...money, notation: 'compact', maximumFractionDigits: 1 }
      : kind === 'whole' ? { ...money, maximumFractionDigits: 0, minimumFractionDigits: 0 }
        : { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(key, nf);
  }
  return nf;
}

function usable(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** Integer minor units (cents) → "$1,234.56" / "1 234,56 ₽"; "—" when unknown. */
export function formatMoney(minor: number | null | undefined): string {
  return usable(minor) ? current().fmt.money(minor) : DASH;
}

/** Large sums on KPI cards: "$12.3K". Exact below $10,000 so small stores see cents. */
export function formatMoneyCompact(minor: number | null | undefined): string {
  if (!usable(minor)) return DASH;
  return Math.abs(minor) < 10_000_00 ? current().fmt.money(minor) : numberFormat('compact').format(minor / 100);
}

/** Whole dollars for totals where cents are noise: 2622642 → "$26,226". */
export function formatMoneyWhole(minor: number | null | undefined): string {
  return usable(minor) ? numberFormat('whole').format(Math.round(minor / 100)) : DASH;
}

export function formatCount(n: number | null | undefined): string {
  return usable(n) ? current().fmt.count(n) : DASH;
}

/**
 * A ratio (0.123) → "12.3%". `signed` prefixes "+" on gains, which is how lift reads best.
 * The analytics API returns ratios, never pre-multiplied percentages.
 */
export function formatPercent(ratio: number | null | undefined, { digits = 1, signed = false } = {}): string {
  if (!usable(ratio)) return DASH;
  const pct = ratio * 100;
  const percent = numberFormat('percent', digits);
  const text = percent.format(Math.abs(ratio));
  // Avoid "-0.0%" when rounding swallows a tiny negative value.
  if (Number(Math.abs(pct).toFixed(digits)) === 0) return percent.format(0);
  if (pct < 0) return `−${text}`;
  return signed ? `+${text}` : text;
}

/** A 95% confidence interval of a ratio: "[−2.1%, +8.4%]". */
export function formatInterval(low: number | null | undefined, high: number | null | undefined, digits = 1): string {
  if (!usable(low) || !usable(high)) return DASH;
  return `[${formatPercent(low, { digits, signed: true })}, ${formatPercent(high, { digits, signed: true })}]`;
}

/**
 * Whether an interval says anything: 'positive' when it lies wholly above 0, 'negative' when
 * wholly below, 'inconclusive' when it straddles 0 (or is unknown). Drives the lift chip colour.
 */
export function intervalVerdict(low: number | null | undefined, high: number | null | undefined): 'positive' | 'negative' | 'inconclusive' {
  if (!usable(low) || !usable(high)) return 'inconclusive';
  if (low > 0) return 'positive';
  if (high < 0) return 'negative';
  return 'inconclusive';
}

/** ROI as a multiple of cost: 1.5 → "+150%"; it is a ratio like lift. */
export function formatRoi(roi: number | null | undefined): string {
  return formatPercent(roi, { digits: 0, signed: true });
}

/** "2026-11-22T20:10:00Z" → "Nov 22, 15:10" in the store's time zone; the raw text if unparseable. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  return current().fmt.dateTime(iso);
}

/**
 * The two ends of a span of time. `formatDateTime` leaves this year's year out, so a span from
 * last year into this one would read backwards ("Nov 29, 2025, 07:30 – Nov 28, 22:32"): when
 * either end carries its year, both do.
 */
export function formatDateTimeSpan(from: string | null | undefined, to: string | null | undefined, now = Date.now()): { from: string; to: string } {
  if (!from || !to) return { from: formatDateTime(from), to: formatDateTime(to) };
  const { fmt } = current();
  // Formatted as if "now" were 1970, an end always carries its year; equal output means it does anyway.
  const showsYear = (iso: string) => fmt.dateTime(iso, now) === fmt.dateTime(iso, 0);
  const at = showsYear(from) || showsYear(to) ? 0 : now;
  return { from: fmt.dateTime(from, at), to: fmt.dateTime(to, at) };
}

/** A store-local day "2026-11-22" → "Nov 22, 2026" without time-zone shifts. */
export function formatLocalDate(day: string | null | undefined): string {
  if (!day) return DASH;
  return current().fmt.day(day);
}

/** "5 s ago", "3 min ago", "2 h ago", "4 d ago"; "never" for null. `now` is injectable for tests. */
export function formatAgo(iso: string | null | undefined, now: number = Date.now()): string {
  const { t } = current();
  if (!iso) return t('time.never');
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return iso;
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return t('time.secondsAgo', { n: s });
  const min = Math.floor(s / 60);
  if (min < 60) return t('time.minutesAgo', { n: min });
  const h = Math.floor(min / 60);
  if (h < 48) return t('time.hoursAgo', { n: h });
  return t('time.daysAgo', { n: Math.floor(h / 24) });
}

/** Uptime seconds → "3 d 4 h", "2 h 5 min", "42 s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const { t } = current();
  if (d > 0) return t('time.daysHours', { d, h });
  if (h > 0) return t('time.hoursMinutes', { h, m });
  if (m > 0) return t('time.minutes', { m });
  return t('time.seconds', { s });
}

/** Catalogue names are often ALL CAPS; staff read Title Case more easily. Mixed case is kept. */
export function displayName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s/&(-])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** "0255786029914304" → "0255 7860 2991 4304": easier to read aloud and copy by hand. */
export function groupDigits(n: string): string {
  return n.replace(/(.{4})(?=.)/g, '$1 ');
}

/** A points count with its noun in the right plural form: "1 point", "5 баллов"; "—" when unknown. */
export function formatPoints(n: number | null | undefined): string {
  return usable(n) ? current().fmt.points(n) : DASH;
}

/** A duration in seconds with one decimal: "1.5 s" / "1,5 с". */
export function formatSeconds(seconds: number | null | undefined): string {
  if (!usable(seconds)) return DASH;
  const { fmt, t } = current();
  const n = new Intl.NumberFormat(fmt.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(seconds);
  return t('time.secondsDecimal', { s: n });
}
