/**
 * Online backup of the store's data folder, safe while the server runs.
 *
 *   npm run backup -- <dest-dir>            (DATA_DIR from the environment)
 *
 * Writes a consistent snapshot of the database (VACUUM INTO), the install secret, demo.json on
 * a demo store and a manifest into <dest-dir> (created 0700, files 0600: it holds personal data
 * and the secret), checks the snapshot with integrity_check and prints what it wrote. Exits 1
 * when the backup failed (nothing is left in <dest-dir>), 2 on a usage error.
 */
import { loadConfig } from '../platform/config/load.js';
import { backupStore, describeBackup } from './store-backup.js';

async function main() {
  const dest = process.argv[2];
  if (!dest || dest.startsWith('-')) {
    process.stderr.write('usage: npm run backup -- <dest-dir>\n');
    process.exit(2);
  }
  process.umask(0o077);
  try {
    const config = loadConfig();
    const report = await backupStore({ dataDir: config.DATA_DIR, dest, secretFromEnv: Boolean(config.VITRINA_SECRET) });
    process.stdout.write(`${describeBackup(report).join('\n')}\n`);
  } catch (err) {
    process.stderr.write(`backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}

await main();
