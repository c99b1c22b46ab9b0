/**
 * Group commit for small appends that many requests make at once (audit rows, analytics events,
 * takeovers sent): rows appended while the last batch still waits for the writer go into the next
 * batch, written by one statement. Alone, a row is written at once (after the current tick, so
 * the appends of one tick share a write); under load, hundreds of appends become a few writes in
 * the writer's queue instead of one each, so a till's receipt waits behind fewer jobs.
 *
 * The repository owns the SQL (`write` gets the rows, at most `maxRows`, and inserts them in one
 * statement); every `append` resolves once its rows are committed, or rejects with the batch's
 * error — a caller that awaited its audit row before answering still does.
 */
export class WriteBatcher<Row> {
  private rows: Row[] = [];
  private waiting: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  private scheduled = false;
  private writing: Promise<void> | null = null;

  /** `delayMs`: how long the first row of a batch may wait for others (0: the end of this tick). */
  constructor(
    private readonly write: (rows: Row[]) => Promise<unknown>,
    private readonly opts: { maxRows: number; delayMs?: number },
  ) {}

  append(rows: Row[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    const committed = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.rows.push(...rows);
    this.schedule();
    return committed;
  }

  /** Rows not yet handed to the writer (erasure rewrites them in place so none names a person). */
  pendingRows(): readonly Row[] {
    return this.rows;
  }

  /** Writes everything appended so far (graceful shutdown, tests); resolves when it is committed. */
  async flush(): Promise<void> {
    while (this.writing || this.rows.length > 0) {
      if (this.writing) await this.writing;
      else await this.writeBatch();
    }
  }

  private schedule() {
    if (this.scheduled || this.writing) return; // the running batch picks these rows up when it ends
    this.scheduled = true;
    const go = () => {
      this.scheduled = false;
      if (!this.writing) void this.writeBatch();
    };
    if (this.opts.delayMs) setTimeout(go, this.opts.delayMs).unref();
    else setImmediate(go);
  }

  private writeBatch(): Promise<void> {
    const rows = this.rows;
    const waiting = this.waiting;
    this.rows = [];
    this.waiting = [];
    this.writing = (async () => {
      try {
        // Every statement is queued on the writer now, not one after another: a transaction
        // queued later (an erasure) then always runs after all of this batch.
        const writes: Array<Promise<unknown>> = [];
        for (let i = 0; i < rows.length; i += this.opts.maxRows) writes.push(this.write(rows.slice(i, i + this.opts.maxRows)));
        await Promise.all(writes);
        for (const w of waiting) w.resolve();
      } catch (err) {
        for (const w of waiting) w.reject(err);
      }
    })().finally(() => {
      this.writing = null;
      if (this.rows.length > 0) this.schedule();
    });
    return this.writing;
  }
}
