/** What every scanner decoder produces and how the service drives it. */

export type ScanLayout = 'hid-pos' | 'keyboard' | 'msr-keyboard';

export const SCAN_LAYOUTS: readonly ScanLayout[] = ['hid-pos', 'keyboard', 'msr-keyboard'];

export type DecodedScan = { ok: true; code: string; symbology: string | null };
export type DecodeError = { ok: false; code: 'VITRINA_ERR_SCAN_MALFORMED'; message: string };
export type DecodeOutput = DecodedScan | DecodeError;

/**
 * A stateful decoder for one open device. It never throws: malformed or partial input gives a
 * DecodeError and the decoder drops what it had, so the next good scan decodes normally.
 */
export interface ScanDecoder {
  /** Feeds one input report as read from the device; `atMs` is the arrival time (ms). */
  push(report: Uint8Array, atMs: number): DecodeOutput[];
  /** Reports a scan left unfinished for longer than the burst gap, and drops it. */
  expire(atMs: number): DecodeOutput[];
  /** Forgets any partial scan (after reopening a device). */
  reset(): void;
}

/** A scan that stops arriving mid-way is abandoned after this long without a report. */
export const DEFAULT_BURST_GAP_MS = 1000;

export function decodeError(message: string): DecodeError {
  return { ok: false, code: 'VITRINA_ERR_SCAN_MALFORMED', message };
}

export function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}
