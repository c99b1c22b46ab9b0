import { channel } from 'node:diagnostics_channel';
import type { ReceiptTimings } from './receipts-service.js';

/**
 * `vitrina:till:receipt`: every posted receipt's timings (`ReceiptTimings` and its id), published
 * only while someone subscribes: the busy-store bench's preload in the server process
 * (`bench/import-trace.mjs`) lines a slow till receipt up with what the writer and the event
 * loop were doing at that moment.
 */
export const receiptTrace = channel('vitrina:till:receipt');

export type ReceiptTrace = ReceiptTimings & { receiptId: string };
