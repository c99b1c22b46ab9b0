import { Readable } from 'node:stream';
import { csvLine } from '../../../shared/csv.js';

/** Rows asked of the database per page of an export. */
export const EXPORT_PAGE = 2000;

/**
 * A CSV file read page by page: `page(after)` returns the rows after a key (keyset paging), the
 * next page starts after the last row's key. Readable.from pulls the next page only when the
 * reply has drained the previous one, so memory holds one page whatever the file's size.
 */
export function pagedCsv<R, K>(
  header: readonly string[],
  first: K,
  page: (after: K) => Promise<R[]>,
  keyOf: (row: R) => K,
  cells: (row: R) => readonly unknown[],
): Readable {
  async function* lines() {
    yield csvLine(header);
    let after = first;
    for (;;) {
      const rows = await page(after);
      if (rows.length === 0) return;
      let chunk = '';
      for (const r of rows) chunk += csvLine(cells(r));
      yield chunk;
      after = keyOf(rows[rows.length - 1]!);
    }
  }
  return Readable.from(lines(), { objectMode: false });
}
