/**
 * HID POS barcode scanners (usage page 0x8C), Honeywell / Hand Held Products report 2 layout:
 *   [0] report ID 0x02 · [1] data length in this report (≤ 56) · [2..4] AIM symbology id
 *   (`]` + 2 chars, or zeros) · [5..60] data, zero padded · [61] vendor code ID ·
 *   [62] reserved · [63] bit 0 = "decode data continued" (more reports follow).
 * A message longer than 56 bytes arrives as several reports and is reassembled here.
 * Data bytes are kept byte for byte (latin1), control bytes included: a barcode may carry them.
 */
import { DEFAULT_BURST_GAP_MS, decodeError, hex, type DecodeOutput, type ScanDecoder } from './types.js';

export const HID_POS_REPORT_ID = 0x02;
export const HID_POS_REPORT_LENGTH = 64;
export const HID_POS_DATA_OFFSET = 5;
export const HID_POS_MAX_DATA = 56;
const CODE_ID_OFFSET = 61;
const FLAGS_OFFSET = 63;
const CONTINUED = 0x01;

export interface HidPosDecoderOptions {
  /** Longest reassembled message accepted (bytes). */
  maxMessageBytes?: number;
  burstGapMs?: number;
}

export class HidPosDecoder implements ScanDecoder {
  private readonly maxMessageBytes: number;
  private readonly burstGapMs: number;
  private parts: Uint8Array[] = [];
  private size = 0;
  private symbology: string | null = null;
  /** A message broke mid-way: its remaining reports are dropped, up to its last one. */
  private discarding = false;
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(options: HidPosDecoderOptions = {}) {
    this.maxMessageBytes = options.maxMessageBytes ?? 4096;
    this.burstGapMs = options.burstGapMs ?? DEFAULT_BURST_GAP_MS;
  }

  push(report: Uint8Array, atMs: number): DecodeOutput[] {
    const out = this.expire(atMs);
    this.lastAt = atMs;
    const problem = checkReport(report);
    if (problem) {
      this.fail(out, problem);
      return out;
    }
    const length = report[1] ?? 0;
    const symbology = readAim(report);
    const continued = ((report[FLAGS_OFFSET] ?? 0) & CONTINUED) !== 0;
    if (this.discarding) {
      this.discarding = continued;
      return out;
    }
    if (this.parts.length > 0 && symbology !== this.symbology) {
      // A continuation that names another symbology belongs to another scan: the first one
      // lost its tail. Report it and start over with this report.
      this.reset();
      out.push(decodeError('HID POS scan cut short: a report of another symbology interrupted it'));
    }
    if (this.size + length > this.maxMessageBytes) {
      this.fail(out, `HID POS scan longer than ${this.maxMessageBytes} bytes`);
      this.discarding = continued;
      return out;
    }
    this.symbology = symbology;
    this.parts.push(report.slice(HID_POS_DATA_OFFSET, HID_POS_DATA_OFFSET + length));
    this.size += length;
    if (continued) return out;

    const code = Buffer.concat(this.parts).toString('latin1');
    const done: DecodeOutput = code.length === 0 ? decodeError('HID POS scan with no data') : { ok: true, code, symbology };
    this.reset();
    out.push(done);
    return out;
  }

  expire(atMs: number): DecodeOutput[] {
    if (atMs - this.lastAt <= this.burstGapMs) return [];
    this.discarding = false;
    if (this.parts.length === 0) return [];
    this.reset();
    return [decodeError('HID POS scan cut short: the continuation report never arrived')];
  }

  reset(): void {
    this.discarding = false;
    this.parts = [];
    this.size = 0;
    this.symbology = null;
  }

  private fail(out: DecodeOutput[], message: string): void {
    const midMessage = this.parts.length > 0 || this.discarding;
    this.reset();
    this.discarding = midMessage;
    out.push(decodeError(message));
  }
}

/** Why a report does not fit the layout, or null when it does. */
function checkReport(report: Uint8Array): string | null {
  if (report.length !== HID_POS_REPORT_LENGTH) {
    return `HID POS report of ${report.length} bytes, expected ${HID_POS_REPORT_LENGTH}`;
  }
  if (report[0] !== HID_POS_REPORT_ID) return `HID POS report ID ${hex(report[0] ?? 0)}, expected ${hex(HID_POS_REPORT_ID)}`;
  const length = report[1] ?? 0;
  if (length > HID_POS_MAX_DATA) return `HID POS data length ${length} exceeds ${HID_POS_MAX_DATA}`;
  const aim = report.subarray(2, 5);
  const noAim = aim.every((b) => b === 0);
  const validAim = aim[0] === 0x5d && isPrintable(aim[1]) && isPrintable(aim[2]);
  if (!noAim && !validAim) return 'HID POS report without a valid AIM symbology identifier';
  // The layout zero-pads the data area; anything else there means the bytes are not this layout.
  for (let i = HID_POS_DATA_OFFSET + length; i < CODE_ID_OFFSET; i++) {
    if (report[i] !== 0) return 'HID POS report with data past its declared length';
  }
  return null;
}

function readAim(report: Uint8Array): string | null {
  if (report[2] === 0) return null;
  return String.fromCharCode(report[2] ?? 0, report[3] ?? 0, report[4] ?? 0);
}

function isPrintable(b: number | undefined): boolean {
  return b !== undefined && b >= 0x21 && b <= 0x7e;
}

export interface HidPosEncodeOptions {
  /** Vendor code ID byte (61), e.g. 0x3f in the Honeywell captures. */
  codeId?: number;
}

/**
 * The reports a Honeywell scanner in HID POS mode sends for `code` (bytes taken as latin1 from
 * a string): 56-byte chunks, each with the AIM id, continued flag on all but the last.
 * Throws a RangeError for an empty code, a non-latin1 character or a malformed AIM id.
 */
export function encodeHidPosReports(code: string | Uint8Array, symbology: string | null, options: HidPosEncodeOptions = {}): Uint8Array[] {
  if (typeof code === 'string' && /[^\u0000-\u00ff]/.test(code)) throw new RangeError('HID POS data is bytes: use latin1 characters only');
  const data = typeof code === 'string' ? Buffer.from(code, 'latin1') : code;
  if (data.length === 0) throw new RangeError('cannot encode an empty scan');
  if (symbology !== null && !/^\][\x21-\x7e]{2}$/.test(symbology)) throw new RangeError('AIM symbology id must be "]" and two printable characters');
  const reports: Uint8Array[] = [];
  for (let start = 0; start < data.length; start += HID_POS_MAX_DATA) {
    const chunk = data.subarray(start, start + HID_POS_MAX_DATA);
    const report = new Uint8Array(HID_POS_REPORT_LENGTH);
    report[0] = HID_POS_REPORT_ID;
    report[1] = chunk.length;
    if (symbology !== null) report.set(Buffer.from(symbology, 'latin1'), 2);
    report.set(chunk, HID_POS_DATA_OFFSET);
    report[CODE_ID_OFFSET] = options.codeId ?? 0;
    report[FLAGS_OFFSET] = start + HID_POS_MAX_DATA < data.length ? CONTINUED : 0;
    reports.push(report);
  }
  return reports;
}
