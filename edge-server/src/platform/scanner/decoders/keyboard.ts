/**
 * Keyboard-mode scanners read through hidraw: 8-byte boot keyboard reports
 * (modifiers, reserved, six key usages), optionally preceded by a report ID byte when the
 * device numbers its reports. A scan is the text typed between terminators (Enter by default).
 */
import { charForUsage, KEY_ENTER, KEY_KEYPAD_ENTER, KEY_TAB, NON_SHIFT_MODIFIERS, SHIFT_MASK, usageForChar } from './us-keymap.js';
import { DEFAULT_BURST_GAP_MS, decodeError, hex, type DecodeOutput, type ScanDecoder } from './types.js';

export type KeyboardTerminator = 'enter' | 'tab';

export interface KeyboardDecoderOptions {
  /** The device numbers its reports: every read starts with a report ID byte (9 bytes). */
  reportId?: boolean;
  terminator?: KeyboardTerminator;
  /** Longest text accepted between terminators. */
  maxLength?: number;
  burstGapMs?: number;
}

const BOOT_REPORT_LENGTH = 8;
// Usages 0x01–0x03 are ErrorRollOver / POSTFail / ErrorUndefined: the report says nothing
// about which keys are down, so it is skipped rather than read as key changes.
const PHANTOM_MAX = 0x03;

export class KeyboardDecoder implements ScanDecoder {
  private readonly reportId: boolean;
  private readonly terminatorKeys: ReadonlySet<number>;
  private readonly maxLength: number;
  private readonly burstGapMs: number;
  private text = '';
  /** A bad key was seen in this burst: drop everything up to the next terminator or gap. */
  private poisoned = false;
  private keysDown: number[] = [];
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(options: KeyboardDecoderOptions = {}) {
    this.reportId = options.reportId ?? false;
    this.terminatorKeys = new Set(options.terminator === 'tab' ? [KEY_TAB] : [KEY_ENTER, KEY_KEYPAD_ENTER]);
    this.maxLength = options.maxLength ?? 256;
    this.burstGapMs = options.burstGapMs ?? DEFAULT_BURST_GAP_MS;
  }

  push(report: Uint8Array, atMs: number): DecodeOutput[] {
    const out = this.expire(atMs);
    this.lastAt = atMs;
    const expected = BOOT_REPORT_LENGTH + (this.reportId ? 1 : 0);
    if (report.length !== expected) {
      this.reset();
      out.push(decodeError(`keyboard report of ${report.length} bytes, expected ${expected}${this.reportId ? ' (report ID + 8)' : ''}`));
      return out;
    }
    const body = this.reportId ? report.subarray(1) : report;
    const modifiers = body[0] ?? 0;
    const keys = [...body.subarray(2)].filter((k) => k !== 0);
    if (keys.some((k) => k <= PHANTOM_MAX)) return out;

    // Only keys that were not already down are typed; the shift state is the one in this
    // report, the one that carries the key (a modifier-only report before it changes nothing).
    const pressed = keys.filter((k) => !this.keysDown.includes(k));
    this.keysDown = keys;
    for (const key of pressed) {
      const result = this.type(key, modifiers);
      if (result) out.push(result);
    }
    return out;
  }

  expire(atMs: number): DecodeOutput[] {
    if (atMs - this.lastAt <= this.burstGapMs) return [];
    const hadText = this.text.length > 0 && !this.poisoned;
    this.text = '';
    this.poisoned = false;
    return hadText ? [decodeError('scan cut short: no terminator arrived')] : [];
  }

  reset(): void {
    this.text = '';
    this.poisoned = false;
    this.keysDown = [];
  }

  private type(key: number, modifiers: number): DecodeOutput | null {
    if (this.terminatorKeys.has(key)) {
      const text = this.text;
      const poisoned = this.poisoned;
      this.text = '';
      this.poisoned = false;
      // A stray terminator with nothing before it is not a scan, nor an error.
      return poisoned || text.length === 0 ? null : { ok: true, code: text, symbology: null };
    }
    if (this.poisoned) return null;
    const char = (modifiers & NON_SHIFT_MODIFIERS) === 0 ? charForUsage(key, (modifiers & SHIFT_MASK) !== 0) : null;
    if (char === null) {
      // The message names the key, never the text typed so far (it may be card or track data).
      return this.poison(`unsupported key ${hex(key)} with modifiers ${hex(modifiers)} in a keyboard scan`);
    }
    if (this.text.length >= this.maxLength) return this.poison(`keyboard scan longer than ${this.maxLength} characters`);
    this.text += char;
    return null;
  }

  private poison(message: string): DecodeOutput {
    this.text = '';
    this.poisoned = true;
    return decodeError(message);
  }
}

export interface KeyboardEncodeOptions {
  /** Prefix each report with this report ID byte (as a device with numbered reports does). */
  reportId?: number;
  terminator?: KeyboardTerminator;
}

/**
 * The reports a US-layout keyboard-mode scanner sends for `text`: a key-down report with the
 * shift bit when needed, then an all-zero key-up report, per character, then the terminator.
 * Throws a RangeError for a character a US keyboard cannot type (a test-helper misuse).
 */
export function encodeKeyboardReports(text: string, options: KeyboardEncodeOptions = {}): Uint8Array[] {
  const reports: Uint8Array[] = [];
  const emit = (modifiers: number, usage: number): void => {
    const body = [modifiers, 0, usage, 0, 0, 0, 0, 0];
    reports.push(Uint8Array.from(options.reportId === undefined ? body : [options.reportId, ...body]));
  };
  for (const char of text) {
    const key = usageForChar(char);
    if (!key) throw new RangeError(`a US keyboard cannot type ${JSON.stringify(char)}`);
    emit(key.shift ? 0x02 : 0, key.usage);
    emit(0, 0);
  }
  emit(0, options.terminator === 'tab' ? KEY_TAB : KEY_ENTER);
  emit(0, 0);
  return reports;
}
