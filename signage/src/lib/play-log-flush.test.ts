import { describe, expect, it } from 'vitest';
// IndexedDB in memory (the browser's API, implemented in JS) for Node.
import 'fake-indexeddb/auto';
import { openPlayLog, type PlayRecord } from './play-log-store';
import { flushPlayLog, PLAY_BATCH } from './play-log-flush';


const play = (i: number): PlayRecord => ({ id: `p${i}`, kind: 'item', itemId: 'i', mediaHash: null, layoutId: 'full', regionId: 'main', zoneId: 'z', reason: 'scheduled', startedAt: i, endedAt: i + 1 });

describe('flushPlayLog', () => {
  it('delivers everything in batches and deletes only acknowledged batches', async () => {
    const log = await openPlayLog('flush');
    for (let i = 0; i < PLAY_BATCH + 5; i++) await log.add(play(i));
    const seen: string[][] = [];
    let answer = false; // the server is gone: nothing is lost
    const send = async (b: PlayRecord[]) => {
      seen.push(b.map((p) => p.id));
      return answer;
    };
    expect(await flushPlayLog(log, send)).toBe(0);
    expect(await log.count()).toBe(PLAY_BATCH + 5);

    answer = true;
    expect(await flushPlayLog(log, send)).toBe(PLAY_BATCH + 5);
    expect(await log.count()).toBe(0);
    // The refused batch was sent again, oldest first; then the rest.
    expect(seen.map((b) => b.length)).toEqual([PLAY_BATCH, PLAY_BATCH, 5]);
    expect(seen[0]).toEqual(seen[1]);
    expect(seen[1]?.[0]).toBe('p0');
  });
});
