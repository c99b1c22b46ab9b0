/**
 * One CSV field: quoted when needed; a cell starting with = + - @ (or a tab / CR, which some
 * spreadsheets skip before reading a formula) gets a leading apostrophe so it is read as text,
 * never run (OWASP "CSV injection"). The same rule as the audit export's.
 */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
