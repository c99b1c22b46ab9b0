import fp from 'fastify-plugin';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Database } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';

/** Where the store's SQLite file lives (':memory:' for throwaway stores). */
export function databaseFile(dataDir: string): string {
  return dataDir === ':memory:' ? ':memory:' : `${dataDir}/vitrina.sqlite`;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
  }
}

/** Opens (or creates) the store's SQLite file, migrates it, and closes it with the app. */
export default fp<{ file: string }>(
  async (app, opts) => {
    if (opts.file !== ':memory:') mkdirSync(dirname(opts.file), { recursive: true });
    const db = await Database.open(opts.file);
    await migrate(db);
    app.decorate('db', db);
    app.addHook('onClose', async () => db.close());
  },
  { name: 'db' },
);
