import type { Database } from '../../platform/db/database.js';
import { connectNatsLink, type ChainLink, type NatsLinkOptions } from '../../platform/chain/index.js';
import { ChainOutboxRepository } from './outbox-repository.js';
import { drainOutbox } from './publisher.js';
import { applyDown, type DownTargets } from './inbox.js';

export interface ChainSyncOptions extends NatsLinkOptions {
  /** Idle poll of the outbox and the inbox (ms). */
  pollMs?: number;
  log: { info(o: unknown, msg?: string): void; warn(o: unknown, msg?: string): void };
  /** Connects the link; tests and the bench may pass their own. */
  connect?: (opts: NatsLinkOptions) => Promise<ChainLink>;
}

export interface ChainSyncStatus {
  connected: boolean;
  outboxPending: number;
  outboxSent: number;
  /** The oldest unsent outbox row's time: the store's own up-lag. */
  oldestPendingAt: string | null;
  inboxPending: number | null;
  lastError: string | null;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * The store side of the chain. `enable()` turns the 013 triggers on (call it before the server
 * takes writes); `start()` runs two background loops that never block a scan or a receipt:
 * outbox → leaf JetStream (mark sent on PubAck) and leaf inbox → owning domains. Each loop
 * backs off (0.5 s doubling to 30 s) while the leaf is unreachable.
 */
export function createChainSync(db: Database, targets: DownTargets, opts: ChainSyncOptions) {
  const repo = new ChainOutboxRepository(db);
  const pollMs = opts.pollMs ?? 200;
  let link: ChainLink | null = null;
  let stopped = false;
  let lastError: string | null = null;
  // Each loop's pending sleep, so stop() can end them at once.
  const wakers = new Set<() => void>();

  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const wake = () => { clearTimeout(t); wakers.delete(wake); resolve(); };
    const t = setTimeout(wake, ms);
    wakers.add(wake);
  });

  async function linkUp(): Promise<ChainLink> {
    if (!link) link = await (opts.connect ?? connectNatsLink)(opts);
    return link;
  }

  async function loop(name: string, step: (l: ChainLink) => Promise<number>) {
    let backoff = 500;
    while (!stopped) {
      try {
        const done = await step(await linkUp());
        backoff = 500;
        if (done === 0) await sleep(pollMs);
      } catch (err) {
        if (stopped) return;
        lastError = `${name}: ${(err as Error).message}`;
        opts.log.warn({ err: (err as Error).message }, `chain: ${name} failed; retrying in ${backoff} ms`);
        await sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  let running: Promise<unknown> | null = null;
  return {
    repo,
    async enable() {
      await repo.setEnabled(true);
    },
    start() {
      if (running) return;
      running = Promise.all([
        // Background work: the outbox bookkeeping and every write an inbox apply makes (through the
        // same service methods staff edits use) wait in the bulk lane, behind the tills and scans.
        loop('publish', (l) => db.bulkWork(() => drainOutbox(repo, l, opts.storeId))),
        loop('inbox', (l) => db.bulkWork(() => l.drainInbox((m) => applyDown(repo, targets, m, (bucket, name) => l.getObject(bucket, name), opts.log).then(() => undefined), 50))),
      ]);
    },
    /** Ends both loops and the connection (the outbox stays: the next start resumes it). */
    async stop() {
      stopped = true;
      for (const wake of [...wakers]) wake();
      await running?.catch(() => undefined);
      await link?.close();
      link = null;
    },
    async status(): Promise<ChainSyncStatus> {
      const s = await repo.stats();
      let inboxPending: number | null = null;
      if (link) inboxPending = await link.inboxPending().catch(() => null);
      return { connected: link?.isConnected() ?? false, outboxPending: s?.pending ?? 0, outboxSent: s?.sent ?? 0, oldestPendingAt: s?.oldest ?? null, inboxPending, lastError };
    },
  };
}
export type ChainSync = ReturnType<typeof createChainSync>;
