/** Display formatting for staff. Store currency and locale are one constant each. */
export const LOCALE = 'en-US';
export const CURRENCY = 'USD';

const money = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY });
const moneyCompact = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY, notation: 'compact', maximumFractionDigits: 1 });
const moneyWhole = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY, maximumFractionDigits: 0, minimumFractionDigits: 0 });
const count = new Intl.NumberFormat(LOCALE);

const DASH = '—';

function usable(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** Integer minor units (cents) → "$1,234.56"; "—" when unknown. */
export function formatMoney(minor: number | null | undefined): string {
  return usable(minor) ? money.format(minor / 100) : DASH;
}

/** Large sums on KPI cards: "$12.3K". Exact below $10,000 so small stores see cents. */
export function formatMoneyCompact(minor: number | null | undefined): string {
  if (!usable(minor)) return DASH;
  return Math.abs(minor) < 10_000_00 ? money.format(minor / 100) : moneyCompact.format(minor / 100);
}

/** Whole dollars for totals where cents are noise: 2622642 → "$26,226". */
export function formatMoneyWhole(minor: number | null | undefined): string {
  return usable(minor) ? moneyWhole.format(Math.round(minor / 100)) : DASH;
}

export function formatCount(n: number | null | undefined): string {
  return usable(n) ? count.format(n) : DASH;
}

/**
 * A ratio (0.123) → "12.3%". `signed` prefixes "+" on gains, which is how lift reads best.
 * The analytics API returns ratios, never pre-multiplied percentages.
 */
export function formatPercent(ratio: number | null | undefined, { digits = 1, signed = false } = {}): string {
  if (!usable(ratio)) return DASH;
  const pct = ratio * 100;
  const text = `${Math.abs(pct).toFixed(digits)}%`;
  // Avoid "-0.0%" when rounding swallows a tiny negative value.
  if (Number(Math.abs(pct).toFixed(digits)) === 0) return `${(0).toFixed(digits)}%`;
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

/** "2026-11-22T20:10:00Z" → "Nov 22, 20:10" in the viewer's zone; the raw text if unparseable. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(LOCALE, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** A store-local day "2026-11-22" → "Nov 22, 2026" without time-zone shifts. */
export function formatLocalDate(day: string | null | undefined): string {
  if (!day) return DASH;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toLocaleDateString(LOCALE, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** "5 s ago", "3 min ago", "2 h ago", "4 d ago"; "never" for null. `now` is injectable for tests. */
export function formatAgo(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return 'never';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** Uptime seconds → "3 d 4 h", "2 h 5 min", "42 s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min`;
  return `${s} s`;
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
