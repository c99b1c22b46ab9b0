/**
 * Imports historical receipts from a CSV into the store's database.
 *
 *   npm run import -- receipts receipts.csv   (DATA_DIR and STORE_TIME_ZONE from the environment)
 *
 * Prints progress to stderr and the final report (JSON) to stdout; exits 1 when the file
 * cannot be read at all, 0 otherwise (rejected rows are listed in the report).
 */
import { createReadStream, existsSync } from 'node:fs';
import { withStore } from './with-store.js';

export async function run(args: string[]) {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file || !existsSync(file)) {
    process.stderr.write('usage: npm run import -- receipts <receipts.csv>\n');
    process.exit(2);
  }
  await withStore(async (store, config) => {
    const report = await store.purchases.importCsv(createReadStream(file), {
      storeId: config.STORE_ID,
      timeZone: config.STORE_TIME_ZONE,
      onProgress: (p) => process.stderr.write(`${p.linesRead} lines read, ${p.receiptsImported} receipts written, ${p.rowsRejected} rows rejected, ${Math.round(p.linesRead / Math.max(p.seconds, 0.001))} lines/s\n`),
    });
    process.stderr.write(`done: ${report.linesImported} lines in ${report.seconds.toFixed(1)} s (${Math.round(report.linesRead / Math.max(report.seconds, 0.001))} lines/s), ${report.rowsRejected} rows rejected\n`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  });
}

