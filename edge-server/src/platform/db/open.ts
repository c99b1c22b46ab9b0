import { Database, databaseFile } from './database.js';
import { migrate } from './migrate.js';

/** Opens (or creates) the store's SQLite file under `dataDir` and brings its schema up to date. */
export async function openStoreDatabase(dataDir: string): Promise<Database> {
  const db = await Database.open(databaseFile(dataDir));
  await migrate(db);
  return db;
}
