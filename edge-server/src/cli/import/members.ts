/**
 * Imports members from a CSV into the store's database (columns: usecases/members-import/README.md).
 *
 *   npm run import -- members members.csv [--json]   (DATA_DIR and STORE_ID from the environment)
 *
 * Progress goes to stderr; the report (JSON) to stdout, pretty-printed unless --json asks for one
 * line. Exit 0 when the file was read (rejected rows are in the report), 1 when it could not be
 * read at all (header, empty file), 2 on a usage error.
 */
import { createReadStream, existsSync } from 'node:fs';
import { withStore } from './with-store.js';

export async function run(args: string[]) {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file || !existsSync(file)) {
    process.stderr.write('usage: npm run import -- members <members.csv> [--json]\n');
    process.exit(2);
  }
  const json = args.includes('--json');
  await withStore(async (store) => {
    const report = await store.membersImport.importCsv(createReadStream(file), {
      onProgress: (p) => process.stderr.write(`${p.rowsRead} rows read, ${p.membersImported} members written, ${p.rowsRejected} rows rejected, ${Math.round(p.rowsRead / Math.max(p.seconds, 0.001))} rows/s\n`),
    });
    process.stderr.write(
      `done: ${report.membersImported} members in ${report.seconds.toFixed(1)} s (${Math.round(report.rowsRead / Math.max(report.seconds, 0.001))} rows/s), ` +
        `${report.membersSkippedExisting} already imported, ${report.rowsRejected} rows rejected\n`,
    );
    process.stdout.write(`${json ? JSON.stringify(report) : JSON.stringify(report, null, 2)}\n`);
  });
}
