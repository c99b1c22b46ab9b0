import { channel } from 'node:diagnostics_channel';
import type { WritePriority } from './database.js';

/** One write through the queue: its lane, how long it waited for the writer, how long it held it. */
export interface WriteTrace {
  lane: WritePriority;
  waitedMs: number;
  ranMs: number;
}

/**
 * `vitrina:db:write`: every queued write as a `WriteTrace`, published only while someone
 * subscribes (a bench's preload in the server process, `bench/import-trace.mjs`); without a
 * subscriber the queue does not even read the clock.
 */
export const writeTrace = channel('vitrina:db:write');
