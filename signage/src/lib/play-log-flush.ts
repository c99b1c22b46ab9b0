import type { PlayLogStore, PlayRecord } from './play-log-store';

/** Plays per message to the edge server. */
export const PLAY_BATCH = 200;

/**
 * Sends what the log holds, oldest first, one batch at a time. A batch is deleted only once
 * the server acknowledged it (`send` resolves true); no answer or a refusal keeps it for the next
 * try. The server dedupes by record id, so a batch sent again after a lost ack counts once.
 * Returns how many records were delivered.
 */
export async function flushPlayLog(store: PlayLogStore, send: (batch: PlayRecord[]) => Promise<boolean>): Promise<number> {
  let delivered = 0;
  for (;;) {
    const batch = await store.oldest(PLAY_BATCH);
    if (batch.length === 0) return delivered;
    if (!(await send(batch))) return delivered;
    await store.remove(batch.map((p) => p.id));
    delivered += batch.length;
  }
}
