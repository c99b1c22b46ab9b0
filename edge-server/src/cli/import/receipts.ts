/**
 * Imports historical receipts from a CSV into the store's database.
 *
 *   npm run import -- receipts receipts.csv   (DATA_DIR and STORE_TIME_ZONE from the environment)
 *
 * Prints progress to stderr and the final report (JSON) to stdout; exits 1 when the file
 * cannot be read at all, 0 otherwise (rejected rows are listed in the report).
 */
import { createReadStream, existsSync } from 'node:fs';
import { pino } from 'pino';
import { composeServices } from '../../compose.js';
import { loadConfig } from '../../platform/config/load.js';
import { loadSecret } from '../../platform/config/secret.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';

export async function run(args: string[]) {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file || !existsSync(file)) {
    process.stderr.write('usage: npm run import -- receipts <receipts.csv>\n');
    process.exit(2);
  }
  const config = loadConfig();
  const store = await composeServices({ config, secret: loadSecret(config), log: pino({ level: 'warn' }, process.stderr), background: false });
  try {
    const report = await store.purchases.importCsv(createReadStream(file), {
      storeId: config.STORE_ID,
      timeZone: config.STORE_TIME_ZONE,
      onProgress: (p) => process.stderr.write(`${p.linesRead} lines read, ${p.receiptsImported} receipts written, ${p.rowsRejected} rows rejected, ${Math.round(p.linesRead / Math.max(p.seconds, 0.001))} lines/s\n`),
    });
    process.stderr.write(`done: ${report.linesImported} lines in ${report.seconds.toFixed(1)} s (${Math.round(report.linesRead / Math.max(report.seconds, 0.001))} lines/s), ${report.rowsRejected} rows rejected\n`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } catch (err) {
    if (err instanceof VitrinaError) {
      process.stderr.write(`${err.code}: ${err.message}\n`);
      process.exitCode = 1;
    } else throw err;
  } finally {
    await store.close();
  }
}

