import { statSync } from 'node:fs';
import sqlite3 from 'sqlite3';
import { checkpointTrace, type CheckpointTrace } from './write-trace.js';

/** A WAL this long (4 KiB pages: 64 MiB) is restarted once all copied (see the class comment). */
export const RESTART_WAL_FRAMES = 16_384;

/** About one WAL frame on disk (a 4 KiB page and its header): a file this many frames long is "long". */
const WAL_FRAME_BYTES = 4096;

/** Rounds in a row with nothing committed before a long WAL file is truncated. */
export const QUIET_ROUNDS_BEFORE_TRIM = 10;

/** `PRAGMA wal_checkpoint`'s row: busy 1 when it could not finish; the WAL's frames; frames copied. */
interface WalCheckpointRow { busy: number; log: number; checkpointed: number }

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
 *
 * Except under continuous writes (a receipts import commits every few ms): a new write
 * transaction restarts the WAL only if nothing was committed since the last complete checkpoint,
 * which then never happens, and the WAL grew to 180,000 frames (700 MB) in the busy-store bench.
 * The commit that finally reused it cut the file back to the size limit and held the writer about
 * 300 ms doing so (bench/profiles/priority.md). So:
 * - when a round finds a WAL of at least `restartFrames` all copied, it also runs a RESTART
 *   checkpoint from this connection: the writer's next transaction starts the WAL from its
 *   beginning, overwriting the file's blocks instead of growing it;
 * - the writer never truncates the WAL (no `journal_size_limit`): a file whose size is cut on a
 *   commit, or here with the writer's lock held (tried: TRUNCATE held it 33–250 ms), stalls tills;
 * - a WAL file left long by a busy hour is truncated here only once the store is quiet: ten
 *   rounds in a row with nothing committed (after closing time, in practice). Truncating a long
 *   file holds the writer's lock (126 ms measured for ~300 MB): one quiet round was not enough,
 *   a till arrived during it in the bench.
 * Both give up at once (`busy_timeout = 0`: the PASSIVE result stands) while the writer holds its
 * lock or a reader still reads old frames; the next round tries again.
 */
export class Checkpointer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  /** The WAL's frames at the last round, and how many rounds in a row found nothing committed. */
  private lastFrames = -1;
  private quietRounds = 0;

  private constructor(private readonly conn: sqlite3.Database, private readonly restartFrames: number, private readonly walFile: string) {}

  static async open(file: string, intervalMs: number, restartFrames = RESTART_WAL_FRAMES): Promise<Checkpointer> {
    const conn = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db: sqlite3.Database = new sqlite3.Database(file, sqlite3.OPEN_READWRITE, (err) => (err ? reject(err) : resolve(db)));
    });
    // Never wait for the writer or a reader: a round that cannot truncate leaves it to the next.
    await new Promise<void>((resolve, reject) => conn.exec('PRAGMA busy_timeout = 0', (err) => (err ? reject(err) : resolve())));
    const c = new Checkpointer(conn, restartFrames, `${file}-wal`);
    c.timer = setInterval(() => void c.checkpoint(), intervalMs);
    c.timer.unref();
    return c;
  }

  /**
   * One round (skipped while the last one still runs): a PASSIVE checkpoint, then, once all is
   * copied, a RESTART one if the WAL is long, or a TRUNCATE one if the store is quiet and the
   * file is long. Errors wait for the next round.
   */
  checkpoint(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      const passive = await this.step('PASSIVE');
      if (!passive || passive.checkpointed !== passive.log) return;
      this.quietRounds = passive.log === this.lastFrames ? this.quietRounds + 1 : 0;
      this.lastFrames = passive.log;
      if (passive.log >= this.restartFrames) await this.step('RESTART');
      else if (this.quietRounds >= QUIET_ROUNDS_BEFORE_TRIM && walFileBytes(this.walFile) > this.restartFrames * WAL_FRAME_BYTES) await this.step('TRUNCATE');
    })().finally(() => (this.running = null));
    return this.running;
  }

  private step(mode: CheckpointTrace['mode']): Promise<WalCheckpointRow | null> {
    const started = checkpointTrace.hasSubscribers ? performance.now() : null;
    return new Promise((resolve) => {
      this.conn.get(`PRAGMA wal_checkpoint(${mode})`, (err: Error | null, row?: WalCheckpointRow) => {
        if (started !== null && row) checkpointTrace.publish({ mode, ms: performance.now() - started, busy: row.busy === 1, walFrames: row.log, copiedFrames: row.checkpointed } satisfies CheckpointTrace);
        resolve(err || !row ? null : row);
      });
    });
  }

  async close() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await new Promise<void>((resolve) => this.conn.close(() => resolve()));
  }
}

function walFileBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
