/**
 * Restores a backup written by `npm run backup` into DATA_DIR (the server must be stopped).
 *
 *   npm run restore -- <backup-dir>            restore (DATA_DIR from the environment)
 *   npm run restore -- --check <backup-dir>    only prove the backup restorable; touches no data folder
 *   npm run restore -- --force <backup-dir>    restore even when the old database is too damaged
 *                                              to tell whether a server has it open
 *
 * Refuses while a server has the database open. Checks the backup (manifest, integrity_check,
 * quick_check, schema version) before anything moves, moves the old database, its -wal and -shm
 * (and the secret and demo.json it replaces) into DATA_DIR/replaced-<stamp>/, puts the backup in
 * place and prints what it did. Exits 1 when refused or failed (the data folder is as it was),
 * 2 on a usage error.
 */
import { loadConfig } from '../platform/config/load.js';
import { describeRestore, describeVerify, restoreStore, RestoreRefused, verifyBackup } from './store-backup.js';

async function main() {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const [backupDir, ...extra] = args.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => f !== '--check' && f !== '--force');
  if (!backupDir || extra.length > 0 || unknown.length > 0) {
    process.stderr.write('usage: npm run restore -- [--check] [--force] <backup-dir>\n');
    process.exit(2);
  }
  process.umask(0o077);
  try {
    if (flags.has('--check')) {
      process.stdout.write(`${describeVerify(await verifyBackup({ backupDir })).join('\n')}\n`);
      return;
    }
    const config = loadConfig();
    const report = await restoreStore({ backupDir, dataDir: config.DATA_DIR, force: flags.has('--force') });
    process.stdout.write(`${describeRestore(report).join('\n')}\n`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(err instanceof RestoreRefused ? `restore refused: ${message}\n` : `restore failed: ${message}\n`);
    process.exitCode = 1;
  }
}

await main();
