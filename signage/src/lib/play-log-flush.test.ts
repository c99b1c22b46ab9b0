import { describe, expect, it } from 'vitest';
// IndexedDB in memory (the browser's API, implemented in JS) for Node.
import 'fake-indexeddb/auto';
import type { PlayRecord } from '@vitrina/contracts';
import { openPlayLog } from './play-log-store';
import { flushPlayLog, PLAY_BATCH, type SendOutcome } from './play-log-flush';


const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();
const play = (i: number): PlayRecord => ({ id: `p${i}`, itemId: 'i', itemName: '', itemKind: 'message', mediaHash: null, layoutId: 'full', regionId: 'main', zoneId: 'z', reason: 'scheduled', takeoverId: null, startedAt: at(i * 1000), endedAt: at(i * 1000 + 1) });

describe('flushPlayLog', () => {
  it('delivers everything in batches and deletes only acknowledged batches', async () => {
    const log = await openPlayLog('flush');
    for (let i = 0; i < PLAY_BATCH + 5; i++) await log.add(play(i));
    const seen: string[][] = [];
    let answer: SendOutcome = 'retry'; // the server is gone: nothing is lost
    const send = async (b: PlayRecord[]) => {
      seen.push(b.map((p) => p.id));
      return answer;
    };
    expect(await flushPlayLog(log, send)).toBe(0);
    expect(await log.count()).toBe(PLAY_BATCH + 5);

    answer = 'acked';
    expect(await flushPlayLog(log, send)).toBe(PLAY_BATCH + 5);
    expect(await log.count()).toBe(0);
    // The refused batch was sent again, oldest first; then the rest.
    expect(seen.map((b) => b.length)).toEqual([PLAY_BATCH, PLAY_BATCH, 5]);
    expect(seen[0]).toEqual(seen[1]);
    expect(seen[1]?.[0]).toBe('p0');
  });

  it('drops a batch the server refuses for good, so it cannot block later plays', async () => {
    const log = await openPlayLog('flush-refused');
    await log.add(play(1));
    expect(await flushPlayLog(log, async () => 'refused')).toBe(0);
    expect(await log.count()).toBe(0);
  });
});
