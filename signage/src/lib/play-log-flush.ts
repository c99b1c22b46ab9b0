import type { PlayRecord } from '@vitrina/contracts';
import type { PlayLogStore } from './play-log-store';

/** Plays per message to the edge server. */
export const PLAY_BATCH = 200; // below the contract's PLAY_BATCH_MAX;

/** What became of a batch: acknowledged, to try again later, or refused for good (malformed). */
export type SendOutcome = 'acked' | 'retry' | 'refused';

/**
 * Sends what the log holds, oldest first, one batch at a time. A batch is deleted only once
 * the server acknowledged it; no answer (offline) or a passing refusal (the screen's clock ahead)
 * keeps it for the next try. The server dedupes by record id, so a batch sent again after a lost
 * ack counts once. A batch the server can never take (malformed) is dropped, or it would block
 * every later play. Returns how many records were delivered.
 */
export async function flushPlayLog(store: PlayLogStore, send: (batch: PlayRecord[]) => Promise<SendOutcome>): Promise<number> {
  let delivered = 0;
  for (;;) {
    const batch = await store.oldest(PLAY_BATCH);
    if (batch.length === 0) return delivered;
    const outcome = await send(batch);
    if (outcome === 'retry') return delivered;
    await store.remove(batch.map((p) => p.id));
    if (outcome === 'acked') delivered += batch.length;
  }
}
