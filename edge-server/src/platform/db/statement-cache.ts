import type sqlite3 from 'sqlite3';

/** Statements whose SQL varies with the data (IN lists, multi-row INSERTs) must not fill memory. */
const MAX_STATEMENTS = 256;

/**
 * Prepared statements of one connection, by SQL text, least recently used evicted. node-sqlite3
 * queues calls on one Statement, so concurrent callers of the same SQL take turns safely.
 *
 * A statement is handed out only once its prepare succeeded: node-sqlite3 never calls back the
 * calls queued on a statement whose prepare failed, so they would hang instead of failing.
 */
export class StatementCache {
  private readonly byText = new Map<string, Promise<sqlite3.Statement>>();

  constructor(private readonly conn: sqlite3.Database) {}

  get(sql: string): Promise<sqlite3.Statement> {
    let stmt = this.byText.get(sql);
    if (stmt) {
      this.byText.delete(sql); // re-inserted below: most recently used
    } else {
      if (this.byText.size >= MAX_STATEMENTS) this.evictOldest();
      stmt = new Promise<sqlite3.Statement>((resolve, reject) => {
        const prepared: sqlite3.Statement = this.conn.prepare(sql, (err) => {
          if (!err) return resolve(prepared);
          // Not cached: the schema may change (a migration) and the same text prepare fine later.
          if (this.byText.get(sql) === stmt) this.byText.delete(sql);
          reject(err);
        });
      });
    }
    this.byText.set(sql, stmt);
    return stmt;
  }

  async finalizeAll() {
    const all = [...this.byText.values()];
    this.byText.clear();
    await Promise.all(all.map((p) => p.then((s) => new Promise<void>((resolve) => s.finalize(() => resolve())), () => undefined)));
  }

  private evictOldest() {
    const [oldest] = this.byText.keys();
    if (oldest === undefined) return;
    // finalize waits behind any call still queued on the statement.
    void this.byText.get(oldest)!.then((s) => s.finalize(), () => undefined);
    this.byText.delete(oldest);
  }
}
