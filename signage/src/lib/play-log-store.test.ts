import { describe, expect, it } from 'vitest';
// IndexedDB in memory (the browser's API, implemented in JS) for Node.
import 'fake-indexeddb/auto';
import type { PlayRecord } from '@vitrina/contracts';
import { openPlayLog } from './play-log-store';


function play(id: string, startedAt: number): PlayRecord {
  const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();
  return { id, itemId: 'i1', itemName: 'Sale', itemKind: 'image', mediaHash: null, layoutId: 'full', regionId: 'main', zoneId: 'entrance', reason: 'scheduled', takeoverId: null, startedAt: at(startedAt), endedAt: at(startedAt + 10) };
}

describe('play log store', () => {
  it('keeps plays across reopen, hands out the oldest first and deletes only what it is told', async () => {
    const log = await openPlayLog('t');
    await log.add(play('c', 30));
    await log.add(play('a', 10));
    await log.add(play('b', 20));
    await log.add(play('a', 10)); // the same record twice stays one
    expect((await log.oldest(2)).map((p) => p.id)).toEqual(['a', 'b']);

    await log.remove(['a']);
    const again = await openPlayLog('t'); // the screen rebooted
    expect(await again.count()).toBe(2);
    expect((await again.oldest(10)).map((p) => p.id)).toEqual(['b', 'c']);
  });
});
