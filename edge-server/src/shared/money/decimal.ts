/**
 * Minor units as a plain decimal for machine-read files (CSV): 123456 → "1234.56", -5 → "-0.05".
 * A dot, no grouping, two places (every currency the store runs in has 2 minor digits), so a
 * spreadsheet or a script parses it the same in every locale.
 */
export function minorToDecimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
