import sqlite3 from 'sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { inBulkWork } from './bulk-work.js';
import { StatementCache } from './statement-cache.js';
import { ReadCache } from './read-cache.js';
import { Checkpointer } from './checkpointer.js';
import { writeCaller, writeTrace, type WriteTrace } from './write-trace.js';

export type SqlValue = string | number | bigint | null | Buffer;

/**
 * Which lane of the write queue a write waits in. `interactive` (the default: scans, kiosk
 * actions, tills, staff edits) always goes before `bulk` (imports, seeding, sweeps): a bulk job
 * runs as many short transactions, and every interactive write queued meanwhile runs between two
 * of them instead of behind the whole job.
 */
export type WritePriority = 'interactive' | 'bulk';
export interface WriteOptions { priority?: WritePriority }
export type Params = readonly SqlValue[] | Record<string, SqlValue>;

/** The statements a repository may run; inside a transaction they run on the writer connection. */
export interface Queryable {
  run(sql: string, params?: Params): Promise<{ changes: number; lastID: number }>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  /**
   * Present inside a transaction only: a memo that lives as long as the transaction. Writes are
   * serialized, so what a repository read of its own configuration tables cannot change under
   * it until the transaction ends, unless the same transaction writes it (see tx-memo.ts).
   */
  readonly memo?: Map<string, unknown>;
  /** The database's cache of committed rows (read-cache.ts), on the database and inside its transactions. */
  readonly cache?: ReadCache;
  /** Present inside a transaction only: runs `fn` once it committed (never after a rollback). */
  afterCommit?(fn: () => void): void;
}

/** The writer inside `Database.transaction`: statements, the transaction's memo, and nested savepoints. */
export interface Transaction extends Queryable {
  readonly memo: Map<string, unknown>;
  readonly cache: ReadCache;
  afterCommit(fn: () => void): void;
  /**
   * Runs `fn` inside a SAVEPOINT: if it throws, only its writes are rolled back (and the memo,
   * which may have learned from them, is cleared); the error is rethrown.
   */
  savepoint<T>(fn: () => Promise<T>): Promise<T>;
}

interface Connection extends Queryable {
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

function connection(conn: sqlite3.Database): Connection {
  // Prepared statements are reused: with the async driver a one-off statement costs a prepare,
  // a step and a finalize on the thread pool; a cached one only the step (about 3× cheaper).
  const statements = new StatementCache(conn);
  const run = (sql: string, params: Params) => statements.get(sql).then((stmt) => new Promise<{ changes: number; lastID: number }>((resolve, reject) => {
    stmt.run(params, function (this: sqlite3.RunResult, err: Error | null) {
      if (err) reject(err);
      else resolve({ changes: this.changes, lastID: this.lastID });
    });
  }));
  // Every read steps to the end (`all`): a `get` leaves its statement un-reset after the first
  // row, which would hold the reader's snapshot open and hide later commits from that connection.
  const all = <T>(sql: string, params: Params) => statements.get(sql).then((stmt) => new Promise<T[]>((resolve, reject) => {
    stmt.all(params, (err, rows) => (err ? reject(err) : resolve(rows as T[])));
  }));
  return {
    run: (sql, params = []) => run(sql, params),
    get: <T>(sql: string, params: Params = []) => all<T>(sql, params).then((rows) => rows[0]),
    all: <T>(sql: string, params: Params = []) => all<T>(sql, params),
    exec: (sql) => new Promise<void>((resolve, reject) => conn.exec(sql, (err) => (err ? reject(err) : resolve()))),
    close: async () => {
      await statements.finalizeAll();
      await new Promise<void>((resolve, reject) => conn.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

async function openConnection(file: string, mode: number) {
  const conn = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)));
  });
  const q = connection(conn);
  await q.exec('PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');
  return q;
}

/** The database file and its WAL companions, as far as they exist, to mode 0600 (an older install's 0644 included). */
function ownerOnlySqliteFiles(file: string) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

/** How often committed WAL frames are copied into the database file (checkpointer.ts). */
const CHECKPOINT_INTERVAL_MS = 1000;

/** Where the store's SQLite file lives (':memory:' for throwaway stores). */
export function databaseFile(dataDir: string): string {
  return dataDir === ':memory:' ? ':memory:' : `${dataDir}/vitrina.sqlite`;
}

/**
 * SQLite with two connections: one writer and one reader.
 *
 * The async sqlite3 driver interleaves the statements of concurrent requests on one
 * connection, so a BEGIN … COMMIT of one request could swallow another request's writes
 * (or let a reader see uncommitted rows). Every write therefore goes through `write()` or
 * `transaction()`, which run one at a time on the writer connection through a promise
 * queue; reads go to a separate connection, which in WAL mode sees only committed data.
 */
export class Database implements Queryable {
  /** Writes waiting for the writer, by lane; one runs at a time, interactive first. */
  private readonly lanes: Record<WritePriority, Array<() => Promise<void>>> = { interactive: [], bulk: [] };
  private writing = false;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => undefined;
  /** Committed rows the scan path reads, forgotten by their writers (read-cache.ts). */
  readonly cache = new ReadCache(20_000, () => this.noticeOtherWriters());

  private constructor(
    readonly file: string,
    private readonly writer: Connection,
    private readonly reader: Connection,
    private readonly checkpointer: Checkpointer | null,
  ) {}

  /**
   * `checkpointIntervalMs`: how often checkpointer.ts runs (tests stretch it to see a commit leave
   * the WAL alone); `walRestartFrames`: the WAL length the checkpointer restarts (tests lower it).
   */
  static async open(file: string, opts: { checkpointIntervalMs?: number; walRestartFrames?: number } = {}): Promise<Database> {
    if (file !== ':memory:') {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      // Created owner-only before SQLite opens it: SQLite gives the -wal and -shm files the
      // database file's permissions, so all three hold shoppers' data readable by the owner only.
      closeSync(openSync(file, 'a', 0o600));
      ownerOnlySqliteFiles(file);
    }
    const writer = await openConnection(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
    // secure_delete=FAST: freed space in pages being written is zeroed, so erased personal data does
    // not linger in the file (at no extra I/O); see checkpoint() for the WAL.
    await writer.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = FAST;');
    if (file === ':memory:') return new Database(file, writer, writer, null);
    ownerOnlySqliteFiles(file);
    // Commits never checkpoint, and never cut the WAL file's size: checkpointer.ts does both, from
    // its own connection.
    await writer.exec('PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = -1;');
    const reader = await openConnection(file, sqlite3.OPEN_READONLY);
    return new Database(file, writer, reader, await Checkpointer.open(file, opts.checkpointIntervalMs ?? CHECKPOINT_INTERVAL_MS, opts.walRestartFrames));
  }

  /** Runs `fn` alone on the writer connection inside BEGIN IMMEDIATE … COMMIT (ROLLBACK on throw). */
  transaction<T>(fn: (tx: Transaction) => Promise<T>, opts: WriteOptions = {}): Promise<T> {
    return this.serialize(opts.priority ?? 'interactive', async () => {
      await this.writer.exec('BEGIN IMMEDIATE');
      const { run, get, all } = this.writer;
      const memo = new Map<string, unknown>();
      const committed: Array<() => void> = [];
      const tx: Transaction = {
        run, get, all, memo, cache: this.cache,
        afterCommit: (f) => committed.push(f),
        async savepoint(inner) {
          await run('SAVEPOINT nested');
          try {
            const result = await inner();
            await run('RELEASE nested');
            return result;
          } catch (err) {
            await run('ROLLBACK TO nested');
            await run('RELEASE nested');
            memo.clear();
            throw err;
          }
        },
      };
      try {
        const result = await fn(tx);
        await this.writer.exec('COMMIT');
        for (const f of committed) f();
        return result;
      } catch (err) {
        await this.writer.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  /** A single write statement, queued behind any running transaction. */
  run(sql: string, params?: Params, opts: WriteOptions = {}) {
    return this.serialize(opts.priority ?? 'interactive', () => this.writer.run(sql, params));
  }

  /**
   * Runs `fn` as background work: every write it submits (in its async context) waits in the
   * bulk lane, whatever lane the code it calls asks for. For background work that goes through
   * the same service methods as staff edits (the chain inbox applying head office's catalogue
   * and campaigns, the nightly live segments), so those methods need no lane parameter.
   */
  bulkWork<T>(fn: () => Promise<T>): Promise<T> {
    return inBulkWork.run(true, fn);
  }

  /** How many writes wait in each lane (bench and tests: proof that a bulk job leaves the lane free). */
  queued() {
    return { interactive: this.lanes.interactive.length, bulk: this.lanes.bulk.length };
  }

  /** Several statements (migrations) on the writer, queued. */
  exec(sql: string) {
    return this.serialize('interactive', () => this.writer.exec(sql));
  }

  /**
   * Copies the WAL into the database file and truncates it (after an erasure, so that old page
   * versions holding a person's data leave the disk now, not at the next automatic checkpoint).
   */
  checkpoint() {
    return this.serialize('interactive', () => this.writer.exec('PRAGMA wal_checkpoint(TRUNCATE)'));
  }

  get<T>(sql: string, params?: Params) {
    return this.reader.get<T>(sql, params);
  }

  all<T>(sql: string, params?: Params) {
    return this.reader.all<T>(sql, params);
  }

  private closed = false;
  private versionCheckedAt = 0;

  /**
   * Another process (the import CLI, a restore) may write the same file: the writer connection's
   * `data_version` moves only on other connections' commits. Checked at most once a second, from
   * cache reads; a change clears the cache.
   */
  private noticeOtherWriters() {
    const now = Date.now();
    if (now - this.versionCheckedAt < 1000 || this.closed) return;
    this.versionCheckedAt = now;
    this.writer.get<{ data_version: number }>('PRAGMA data_version').then((r) => {
      this.cache.noteWriterVersion(r?.data_version ?? null);
    }, () => undefined);
  }

  /** Runs the background checkpoint now (tests); a no-op for an in-memory database. */
  checkpointInBackground(): Promise<void> {
    return this.checkpointer?.checkpoint() ?? Promise.resolve();
  }

  /** Idempotent: the app's onClose may run after a test already closed it. */
  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.idle;
    await this.checkpointer?.close();
    if (this.reader !== this.writer) await this.reader.close();
    await this.writer.close();
  }

  private serialize<T>(asked: WritePriority, job: () => Promise<T>): Promise<T> {
    const priority = inBulkWork.getStore() ? 'bulk' : asked;
    // Traced only while a bench listens (write-trace.ts): how long each write waited and ran.
    const traced = writeTrace.hasSubscribers ? performance.now() : null;
    const caller = traced === null ? '' : writeCaller(new Error().stack);
    const run = traced === null ? job : async () => {
      const started = performance.now();
      try {
        return await job();
      } finally {
        writeTrace.publish({ lane: priority, waitedMs: started - traced, ranMs: performance.now() - started, caller } satisfies WriteTrace);
      }
    };
    return new Promise<T>((resolve, reject) => {
      this.lanes[priority].push(() => Promise.resolve().then(run).then(resolve, reject));
      if (!this.writing) this.startWriting();
    });
  }

  /**
   * Runs queued writes one at a time until both lanes are empty, taking interactive ones first.
   * After a bulk write the writer yields to the event loop (setImmediate) before it takes the
   * next one: requests and socket messages that arrived meanwhile get to queue their interactive
   * writes first, instead of finding the bulk job's next chunk already on the writer.
   */
  private startWriting() {
    this.writing = true;
    this.idle = new Promise<void>((r) => (this.markIdle = r));
    const afterBulk = () => void setImmediate(next);
    const next = () => {
      const interactive = this.lanes.interactive.shift();
      const job = interactive ?? this.lanes.bulk.shift();
      if (!job) {
        this.writing = false;
        this.markIdle();
        return;
      }
      const after = interactive ? next : afterBulk;
      void job().then(after, after);
    };
    next();
  }
}
