import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PlayRecord } from '@vitrina/contracts';

/**
 * Proof of play kept in IndexedDB until the edge server acknowledges it, so plays recorded
 * offline (or before a crash/reboot) are delivered later. Each record carries its own id made
 * on the screen, so delivering the same batch twice counts once on the server.
 */
/** Records are the contract's `PlayRecord` (ISO times sort as strings, so the index orders by start). */
interface PlayLogDb extends DBSchema {
  plays: { key: string; value: PlayRecord; indexes: { byStart: string } };
}

export interface PlayLogStore {
  add(r: PlayRecord): Promise<void>;
  /** The oldest `limit` records, to send as one batch. */
  oldest(limit: number): Promise<PlayRecord[]>;
  remove(ids: readonly string[]): Promise<void>;
  count(): Promise<number>;
}

export async function openPlayLog(name = 'vitrina-signage-plays'): Promise<PlayLogStore> {
  const db: IDBPDatabase<PlayLogDb> = await openDB<PlayLogDb>(name, 1, {
    upgrade(db) {
      const s = db.createObjectStore('plays', { keyPath: 'id' });
      s.createIndex('byStart', 'startedAt');
    },
  });
  return {
    async add(r) {
      await db.put('plays', r);
    },
    async oldest(limit) {
      const out: PlayRecord[] = [];
      let cursor = await db.transaction('plays').store.index('byStart').openCursor();
      while (cursor && out.length < limit) {
        out.push(cursor.value);
        cursor = await cursor.continue();
      }
      return out;
    },
    async remove(ids) {
      const tx = db.transaction('plays', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
    count: () => db.count('plays'),
  };
}
