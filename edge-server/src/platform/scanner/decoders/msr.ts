/**
 * Magnetic-stripe readers in keyboard mode (ISO/IEC 7813). A swipe types
 *   track 1 `%B<PAN>^<NAME>^<YYMM>…?` and/or track 2 `;<PAN>=<YYMM>…?`, then Enter,
 * sometimes after a `!STCARD A ` prefix. The loyalty number is the PAN of track 2, or of
 * track 1 when track 2 did not read. Only the PAN leaves this file: the rest of the track data
 * (name, expiry, discretionary data) is dropped here and never appears in a message.
 */
import { KeyboardDecoder, type KeyboardDecoderOptions } from './keyboard.js';
import { DEFAULT_BURST_GAP_MS, decodeError, type DecodeOutput, type ScanDecoder } from './types.js';

export type MagstripeResult =
  | { ok: true; pan: string; track: 1 | 2 }
  | { ok: false; code: 'VITRINA_ERR_SCAN_MALFORMED'; message: string };

const TRACK2 = /;([0-9]{1,19})=[0-9]{4}[^?]*\?/;
const TRACK1 = /%B([0-9]{1,19})\^[^^?]{2,26}\^[0-9]{4}[^?]*\?/;
const PREFIX = /^!STCARD A /;

/** Extracts the PAN from the text of a swipe. */
export function parseMagstripe(text: string): MagstripeResult {
  const swipe = text.replace(PREFIX, '').trim();
  const track2 = TRACK2.exec(swipe);
  if (track2?.[1]) return { ok: true, pan: track2[1], track: 2 };
  const track1 = TRACK1.exec(swipe);
  if (track1?.[1]) return { ok: true, pan: track1[1], track: 1 };
  return decodeError('card swipe without a readable track 1 or track 2');
}

export const MSR_SYMBOLOGY = { 1: 'iso7813-track1', 2: 'iso7813-track2' } as const;

/**
 * Keyboard decoding + track parsing. Some readers end each track with Enter, so a track 1 line
 * is followed by a track 2 line of the same card: that second line is not a second scan.
 */
export class MsrKeyboardDecoder implements ScanDecoder {
  private readonly keyboard: KeyboardDecoder;
  private readonly burstGapMs: number;
  private lastTrack1: { pan: string; at: number } | null = null;

  constructor(options: KeyboardDecoderOptions = {}) {
    // Track 1 holds up to 79 characters, track 2 up to 40, plus sentinels and the prefix.
    this.keyboard = new KeyboardDecoder({ maxLength: 160, ...options });
    this.burstGapMs = options.burstGapMs ?? DEFAULT_BURST_GAP_MS;
  }

  push(report: Uint8Array, atMs: number): DecodeOutput[] {
    return this.keyboard.push(report, atMs).flatMap((o) => this.line(o, atMs));
  }

  expire(atMs: number): DecodeOutput[] {
    return this.keyboard.expire(atMs);
  }

  reset(): void {
    this.keyboard.reset();
    this.lastTrack1 = null;
  }

  private line(output: DecodeOutput, atMs: number): DecodeOutput[] {
    if (!output.ok) return [output];
    const parsed = parseMagstripe(output.code);
    if (!parsed.ok) return [parsed];
    const previous = this.lastTrack1;
    this.lastTrack1 = parsed.track === 1 ? { pan: parsed.pan, at: atMs } : null;
    const echo = parsed.track === 2 && previous?.pan === parsed.pan && atMs - previous.at <= this.burstGapMs && !output.code.includes('%');
    return echo ? [] : [{ ok: true, code: parsed.pan, symbology: MSR_SYMBOLOGY[parsed.track] }];
  }
}
