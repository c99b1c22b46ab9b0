import sqlite3 from 'sqlite3';

/**
 * Copies committed WAL frames into the database file from a connection of its own, so that no
 * commit pays for it.
 *
 * SQLite's default is an automatic checkpoint inside the commit that pushes the WAL past 1000
 * pages: that commit (a till's receipt, say) then waits for the database file to be written and
 * fsynced, tens of milliseconds, hundreds after a long snapshot read let the WAL grow. The writer
 * therefore runs with `wal_autocheckpoint = 0` and this connection checkpoints in PASSIVE mode
 * every `intervalMs`: PASSIVE takes no write lock (the writer keeps committing meanwhile) and
 * never waits for readers; the step runs on libuv's thread pool, not on the event loop. Frames a
 * reader still needs stay for the next round; the WAL is restarted from its start by the next
 * commit after a complete checkpoint, so it stays about one interval's worth of writes long.
 */
export class Checkpointer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  private constructor(private readonly conn: sqlite3.Database) {}

  static async open(file: string, intervalMs: number): Promise<Checkpointer> {
    const conn = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db: sqlite3.Database = new sqlite3.Database(file, sqlite3.OPEN_READWRITE, (err) => (err ? reject(err) : resolve(db)));
    });
    const c = new Checkpointer(conn);
    c.timer = setInterval(() => void c.checkpoint(), intervalMs);
    c.timer.unref();
    return c;
  }

  /** One PASSIVE checkpoint (skipped while the last one still runs); errors wait for the next round. */
  checkpoint(): Promise<void> {
    if (this.running) return this.running;
    this.running = new Promise<void>((resolve) => {
      this.conn.get('PRAGMA wal_checkpoint(PASSIVE)', () => resolve());
    }).finally(() => (this.running = null));
    return this.running;
  }

  async close() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await new Promise<void>((resolve) => this.conn.close(() => resolve()));
  }
}
