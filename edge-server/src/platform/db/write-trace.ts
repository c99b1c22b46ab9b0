import { channel } from 'node:diagnostics_channel';
import type { WritePriority } from './database.js';

/** One write through the queue: its lane, how long it waited for the writer, how long it held it. */
export interface WriteTrace {
  lane: WritePriority;
  waitedMs: number;
  ranMs: number;
  /** Where the write came from: up to three stack frames outside platform/db (`file:line < file:line`), to name a slow one. */
  caller: string;
}

/** The first three frames of `stack` outside this folder and node's internals, as `src/…/file.js:line`. */
export function writeCaller(stack: string | undefined): string {
  const frames: string[] = [];
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const at = /\(?((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?$/.exec(line.trim());
    if (!at || at[1]!.includes('/platform/db/')) continue;
    frames.push(`${at[1]!.replace(/^.*\/(src|dist|bench|node_modules)\//, '$1/')}:${at[2]}`);
    if (frames.length === 3) break;
  }
  return frames.join(' < ') || 'unknown';
}

/**
 * `vitrina:db:write`: every queued write as a `WriteTrace`, published only while someone
 * subscribes (a bench's preload in the server process, `bench/import-trace.mjs`); without a
 * subscriber the queue does not even read the clock.
 */
export const writeTrace = channel('vitrina:db:write');

/** One background checkpoint (checkpointer.ts): its mode, how long it ran, whether it gave up, the WAL's frames, the frames copied so far. */
export interface CheckpointTrace {
  mode: 'PASSIVE' | 'RESTART' | 'TRUNCATE';
  ms: number;
  busy: boolean;
  walFrames: number;
  copiedFrames: number;
}

/** `vitrina:db:checkpoint`: every background checkpoint, published only while someone subscribes. */
export const checkpointTrace = channel('vitrina:db:checkpoint');
