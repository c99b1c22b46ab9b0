import { channel } from 'node:diagnostics_channel';

/** One committed chunk of a receipts import: its file lines and good receipts, its write with the queue wait, and how long it held the writer. */
export interface ImportChunkTrace {
  lines: number;
  receipts: number;
  writeMs: number;
  heldMs: number;
}

/**
 * `vitrina:import:chunk`: each chunk an import commits, published only while someone subscribes
 * (a bench's preload in the server process, `bench/import-trace.mjs`).
 */
export const importChunkTrace = channel('vitrina:import:chunk');
