/** A number as the exports write it: a negative amount is no formula, and stays a number for the spreadsheet. */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * CSV for the staff exports (audit log, survey answers): one field rule for every file we write.
 * A cell starting with = + - @ (or a tab / CR, which some spreadsheets skip before reading a
 * formula) gets a leading apostrophe so a spreadsheet reads it as text and never runs it (OWASP
 * "CSV injection"); a cell with a quote, comma or line break is quoted (RFC 4180). A plain
 * number ("-12.50", -3) is left as it is: it cannot be a formula, and a refund must read as −12.5.
 */
export function csvField(value: unknown): string {
  if (typeof value === 'number') return String(value);
  let s = value === null || value === undefined ? '' : String(value);
  if (PLAIN_DECIMAL.test(s)) return s;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record with its CRLF line end. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
