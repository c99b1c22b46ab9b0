import { fileURLToPath } from 'node:url';
import { Database } from '../../platform/db/database.js';
import { listMigrations, migrate } from '../../platform/db/migrate.js';
import { ownerOnlyDataDir } from '../../platform/db/open.js';

const HQ_MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Head office's SQLite file beside (never inside) a store's: `DATA_DIR/headoffice.sqlite`. */
export function headOfficeDatabaseFile(dataDir: string): string {
  return dataDir === ':memory:' ? ':memory:' : `${dataDir}/headoffice.sqlite`;
}

/**
 * Opens head office's database and applies its own migrations (`./migrations/`, numbered on
 * their own: this database never holds a store's tables, and a store's never holds these).
 */
export async function openHeadOfficeDatabase(dataDir: string): Promise<Database> {
  if (dataDir !== ':memory:') ownerOnlyDataDir(dataDir);
  const db = await Database.open(headOfficeDatabaseFile(dataDir));
  await migrate(db, listMigrations(HQ_MIGRATIONS));
  return db;
}
