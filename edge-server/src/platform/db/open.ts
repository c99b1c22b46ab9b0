import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { Database, databaseFile } from './database.js';
import { migrate } from './migrate.js';

/**
 * Opens (or creates) the store's SQLite file under `dataDir` and brings its schema up to date.
 * The folder is made owner-only (0700) first, and the database files 0600: they hold shoppers'
 * data, the install secret and the demo credentials sit beside them.
 */
export async function openStoreDatabase(dataDir: string): Promise<Database> {
  if (dataDir !== ':memory:') ownerOnlyDataDir(dataDir);
  const db = await Database.open(databaseFile(dataDir));
  await migrate(db);
  return db;
}

/** Creates `dataDir` with mode 0700, or takes group and other permissions off an existing one. */
export function ownerOnlyDataDir(dataDir: string) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const mode = statSync(dataDir).mode & 0o777;
  if ((mode & 0o077) === 0) return;
  try {
    chmodSync(dataDir, mode & 0o700);
  } catch (err) {
    throw new Error(`DATA_DIR ${dataDir} is open to other users (mode ${mode.toString(8)}) and could not be restricted: ${(err as Error).message}`);
  }
}
