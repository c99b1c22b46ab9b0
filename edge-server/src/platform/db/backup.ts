import sqlite3 from 'sqlite3';
import { closeSync, existsSync, fsyncSync, openSync } from 'node:fs';
import { Database } from './database.js';
import { currentVersion, listMigrations } from './migrate.js';

/**
 * The database side of backup and restore: an online snapshot, the integrity checks, the
 * "is a server using this file?" probe and the schema version of a file. Every helper opens its
 * own short-lived connection and closes it before returning; none goes through the server's
 * writer queue, so none of them waits for (or holds up) the till.
 */

/** The files SQLite keeps beside a database: a stale one replayed onto another database corrupts it. */
export const SIDE_FILE_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

function openRaw(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)));
  });
}
const exec = (db: sqlite3.Database, sql: string) => new Promise<void>((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));
const all = <T>(db: sqlite3.Database, sql: string, params: unknown[] = []) =>
  new Promise<T[]>((resolve, reject) => db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
const close = (db: sqlite3.Database) => new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));

async function withConnection<T>(file: string, fn: (db: sqlite3.Database) => Promise<T>): Promise<T> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  // Read-write but never create: a missing file is an error, not a new empty database.
  const db = await openRaw(file, sqlite3.OPEN_READWRITE);
  try {
    return await fn(db);
  } finally {
    await close(db);
  }
}

/** fsync a file (or a folder, so that a rename in it is durable). */
export function syncPath(path: string) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a consistent copy of `sourceFile` to `destFile` with `VACUUM INTO`, safe while a
 * server writes: the copy is one read transaction's snapshot (committed transactions only,
 * each whole), and in WAL mode a reader neither blocks nor waits for the writer. The copy is a
 * single self-contained file (rollback-journal mode, no -wal to carry along), compacted, and
 * fsynced before this returns. `destFile` must not exist.
 */
export async function snapshotDatabase(sourceFile: string, destFile: string): Promise<void> {
  if (existsSync(destFile)) throw new Error(`${destFile} already exists`);
  await withConnection(sourceFile, async (db) => {
    // Only a WAL checkpoint-in-progress or recovery can make a reader wait; give it time.
    await exec(db, 'PRAGMA busy_timeout = 10000');
    await all(db, 'VACUUM INTO ?', [destFile]);
  });
  syncPath(destFile);
}

export interface DatabaseCheck {
  /** Both checks answered exactly "ok". */
  ok: boolean;
  /** `PRAGMA integrity_check` rows ("ok", or up to 100 problems). */
  integrity: string[];
  /** `PRAGMA quick_check` rows. */
  quick: string[];
}

/**
 * `PRAGMA integrity_check` and `PRAGMA quick_check` on a file. Refuses a file that does not
 * exist; a file that is not an SQLite database fails the check (it does not throw).
 */
export async function checkDatabaseFile(file: string): Promise<DatabaseCheck> {
  try {
    return await withConnection(file, async (db) => {
      const rows = async (pragma: string) => (await all<Record<string, string>>(db, pragma)).map((r) => String(Object.values(r)[0]));
      const integrity = await rows('PRAGMA integrity_check');
      const quick = await rows('PRAGMA quick_check');
      const ok = (r: string[]) => r.length === 1 && r[0] === 'ok';
      return { ok: ok(integrity) && ok(quick), integrity, quick };
    });
  } catch (err) {
    if (!existsSync(file)) throw err;
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, integrity: [message], quick: [message] };
  }
}

export type InUse = { inUse: false } | { inUse: true } | { inUse: 'unknown'; reason: string };

/**
 * Is another connection (a running server, in this process or another) holding `file` open?
 * Asks SQLite for an exclusive lock without waiting: every connection to a WAL database holds
 * a shared lock on it for as long as it is open, so the lock is refused while a server runs.
 * A file that does not exist is not in use. When the file is not a readable database the
 * answer is 'unknown'.
 *
 * When nobody holds it, the probe is SQLite's normal first open: a -wal left by a crash is
 * checkpointed into the file and removed, as the server would on its next start.
 */
export async function databaseInUse(file: string): Promise<InUse> {
  if (!existsSync(file)) return { inUse: false };
  try {
    await withConnection(file, async (db) => {
      await exec(db, 'PRAGMA busy_timeout = 0');
      await exec(db, 'PRAGMA locking_mode = EXCLUSIVE');
      await exec(db, 'BEGIN EXCLUSIVE');
      await exec(db, 'COMMIT');
    });
    return { inUse: false };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return { inUse: true };
    return { inUse: 'unknown', reason: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * The migration version recorded in a database file, and the latest this code ships. Opens the
 * file as the server does (WAL mode; it must be a file the caller is about to use as the store
 * database, never a backup kept for later) and applies no migration.
 */
export async function schemaVersionOf(file: string): Promise<{ version: number; latest: number }> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const db = await Database.open(file);
  try {
    const version = await currentVersion(db).catch(() => 0);
    return { version, latest: Math.max(0, ...listMigrations().map((m) => m.version)) };
  } finally {
    await db.close();
  }
}
