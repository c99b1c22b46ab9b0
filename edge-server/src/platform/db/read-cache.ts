/**
 * Committed rows that the scan path reads on every scan (a shopper's ledger, spends, baskets,
 * segments; the program's settings and tiers; live campaigns), kept in memory between scans.
 *
 * Each entry is forgotten by the repository that writes its rows: after the write's transaction
 * commits (`Transaction.afterCommit`), or right after a single write outside a transaction. A
 * read in flight while any forget happens is answered but not kept, so a read that started
 * before a commit can never leave the old rows behind after it. Least recently used entries go
 * beyond `maxEntries`. Values are shared between callers: nobody may mutate what it got.
 */
export class ReadCache {
  private readonly entries = new Map<string, unknown>();
  /** Every value ever kept: shared, never mutated, so what is computed from one may be kept by its identity. */
  private readonly kept = new WeakSet<object>();
  private readonly loading = new Map<string, { generation: number; promise: Promise<unknown> }>();
  /** Bumped by every forget: a load that saw another generation end is not kept. */
  private generation = 0;

  constructor(private readonly maxEntries = 20_000, private readonly beforeRead: () => void = () => undefined) {}

  get size() {
    return this.entries.size;
  }

  /** The keys kept now (tests: what erasure leaves behind). */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** The cached value of `key`, or `load()`'s (shared with askers in parallel). `undefined` (no such row) is never kept. */
  read<T>(key: string, load: () => Promise<T>): Promise<T> {
    this.beforeRead();
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as T;
      this.entries.delete(key); // re-inserted: most recently used
      this.entries.set(key, value);
      return Promise.resolve(value);
    }
    const inFlight = this.loading.get(key);
    if (inFlight && inFlight.generation === this.generation) return inFlight.promise as Promise<T>;
    const generation = this.generation;
    const promise = load().then((value) => {
      if (generation === this.generation && value !== undefined) this.keep(key, value);
      return value;
    }).finally(() => {
      if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
    });
    this.loading.set(key, { generation, promise });
    return promise;
  }

  /**
   * Loads several keys with one read (json-read.ts's `readTogether`): `load` gets the keys neither
   * kept nor being read, and answers a value for each. Meanwhile `read()` of any of them shares
   * this load, and values are kept under the same rule as `read()`'s (not after a forget).
   */
  prefill(keys: readonly string[], load: (missing: string[]) => Promise<ReadonlyMap<string, unknown>>): Promise<void> {
    this.beforeRead();
    const generation = this.generation;
    const missing = keys.filter((key) => !this.entries.has(key) && this.loading.get(key)?.generation !== generation);
    if (missing.length === 0) return Promise.resolve();
    const all = load(missing);
    for (const key of missing) {
      const promise: Promise<unknown> = all.then((values) => {
        const value = values.get(key);
        if (generation === this.generation && value !== undefined) this.keep(key, value);
        return value;
      }).finally(() => {
        if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
      });
      // A failed load fails its readers (each read's own promise); the prefill's caller sees it below.
      promise.catch(() => undefined);
      this.loading.set(key, { generation, promise });
    }
    return all.then(() => undefined);
  }

  /** The value kept under `key`, without reading (undefined when none). */
  peek<T>(key: string): T | undefined {
    return this.entries.get(key) as T | undefined;
  }

  /**
   * Keeps a value known without reading, such as what this process itself has written and
   * committed (the offer lifecycle rows a scan already wrote). Replaced, never mutated.
   */
  set(key: string, value: unknown) {
    this.entries.delete(key);
    this.keep(key, value);
  }

  /** Forgets one key exactly, or every key starting with `prefix` when it ends with ':' (a whole area). */
  forget(keyOrArea: string) {
    this.generation++;
    if (!keyOrArea.endsWith(':')) {
      this.entries.delete(keyOrArea);
      return;
    }
    for (const key of this.entries.keys()) if (key.startsWith(keyOrArea)) this.entries.delete(key);
  }

  /** Forgets every key of one shopper (keys end in `:<id>`): erasure. */
  forgetSubject(id: string) {
    this.generation++;
    const suffix = `:${id}`;
    for (const key of this.entries.keys()) if (key.endsWith(suffix)) this.entries.delete(key);
  }

  /** The writer connection's `PRAGMA data_version` as last seen: it moves only when another connection commits. */
  private writerVersion: number | null = null;

  /**
   * The database read the writer's `data_version` (at most once a second, from cache reads; the
   * first reading comes before anything is cached): when it moved, another process wrote.
   */
  noteWriterVersion(version: number | null) {
    if (this.writerVersion !== null && version !== this.writerVersion) this.clear();
    this.writerVersion = version;
  }

  /**
   * A transaction read `data_version` on the writer (it holds the write lock): true when it is
   * the one seen last, so the cache still is the database. Otherwise the cache is cleared.
   */
  sameWriterSince(version: number | null): boolean {
    if (version !== null && version === this.writerVersion) return true;
    this.noteWriterVersion(version);
    this.clear(); // also when no version was seen yet: what is cached cannot be vouched for
    return false;
  }

  /** Another process wrote to the database: nothing cached can be trusted. */
  clear() {
    this.generation++;
    this.entries.clear();
  }

  /** Whether `value` is one this cache kept (shared and never mutated, unlike a transaction's own copy). */
  isShared(value: unknown): boolean {
    return typeof value === 'object' && value !== null && this.kept.has(value);
  }

  private keep(key: string, value: unknown) {
    if (typeof value === 'object' && value !== null) this.kept.add(value);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) {
      const [oldest] = this.entries.keys();
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
