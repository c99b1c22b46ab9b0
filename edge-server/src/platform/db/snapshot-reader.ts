import sqlite3 from 'sqlite3';
import type { Params } from './database.js';

/** A read-only view of the store's database as it was at the first read; `close()` ends it. */
export interface SnapshotReader {
  all<T>(sql: string, params?: Params): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A connection of its own, read-only, holding one read transaction for its whole life: every
 * page read through it sees the database as it was at its first read, whatever the tills commit
 * meanwhile (WAL: a reader never blocks the writer, and the writer never changes what the reader
 * sees). For long reads off the server's connections — the aggregates worker thread reads the
 * whole purchase history through one. While it is open, checkpoints cannot move past its
 * snapshot (the WAL grows for that long), so close it as soon as the read is done.
 */
export async function openSnapshotReader(file: string): Promise<SnapshotReader> {
  if (file === ':memory:') throw new Error('a snapshot reader needs a database file, not :memory:');
  const conn = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(db)));
  });
  const exec = (sql: string) => new Promise<void>((resolve, reject) => conn.exec(sql, (err) => (err ? reject(err) : resolve())));
  try {
    // BEGIN (deferred) takes the snapshot at the first SELECT and keeps it until COMMIT.
    await exec('PRAGMA busy_timeout = 5000; BEGIN');
  } catch (err) {
    await new Promise<void>((resolve) => conn.close(() => resolve()));
    throw err;
  }
  // One prepared statement per SQL text: a paged read runs the same statement many times.
  const statements = new Map<string, sqlite3.Statement>();
  const prepare = (sql: string) =>
    new Promise<sqlite3.Statement>((resolve, reject) => {
      const known = statements.get(sql);
      if (known) return resolve(known);
      const stmt: sqlite3.Statement = conn.prepare(sql, (err) => {
        if (err) return reject(err);
        statements.set(sql, stmt);
        resolve(stmt);
      });
    });
  let closed = false;
  return {
    async all<T>(sql: string, params: Params = []) {
      if (closed) throw new Error('the snapshot reader is closed');
      const stmt = await prepare(sql);
      return new Promise<T[]>((resolve, reject) => stmt.all(params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const stmt of statements.values()) await new Promise<void>((resolve) => stmt.finalize(() => resolve()));
      await exec('COMMIT').catch(() => undefined);
      await new Promise<void>((resolve, reject) => conn.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
