/**
 * CSV for the staff exports (audit log, survey answers): one field rule for every file we write.
 * A cell starting with = + - @ (or a tab / CR, which some spreadsheets skip before reading a
 * formula) gets a leading apostrophe so a spreadsheet reads it as text and never runs it (OWASP
 * "CSV injection"); a cell with a quote, comma or line break is quoted (RFC 4180).
 */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record with its CRLF line end. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
