import { describe, expect, it } from 'vitest';
import { NFC_REPORT_ID_KEY, SHIFT_DOLLAR, TVS_FIRST_KEY } from './captures.fixture.js';
import { encodeKeyboardReports, KeyboardDecoder } from './keyboard.js';
import type { DecodeOutput } from './types.js';

const KEY_UP = new Uint8Array(8);
const ENTER = Uint8Array.of(0, 0, 0x28, 0, 0, 0, 0, 0);

function feed(decoder: KeyboardDecoder, reports: Uint8Array[], at = 0): DecodeOutput[] {
  return reports.flatMap((r, i) => decoder.push(r, at + i));
}

describe('KeyboardDecoder on real captures', () => {
  it('reads the TVS BSC-101 first key as "8" and the whole barcode 8901042960340', () => {
    const decoder = new KeyboardDecoder();
    expect(feed(decoder, [TVS_FIRST_KEY, KEY_UP, ENTER])).toEqual([{ ok: true, code: '8', symbology: null }]);
    const rest = encodeKeyboardReports('901042960340');
    expect(feed(decoder, [TVS_FIRST_KEY, KEY_UP, ...rest], 10)).toEqual([{ ok: true, code: '8901042960340', symbology: null }]);
  });

  it('reads the NFC reader report with its leading report ID (key at index 3) when configured', () => {
    const decoder = new KeyboardDecoder({ reportId: true });
    const up = new Uint8Array(9);
    up[0] = 2;
    const enter = Uint8Array.of(2, 0, 0, 0x28, 0, 0, 0, 0, 0);
    expect(feed(decoder, [NFC_REPORT_ID_KEY, up, NFC_REPORT_ID_KEY, up, enter])).toEqual([{ ok: true, code: '00', symbology: null }]);
  });

  it('refuses the 9-byte report-ID capture when the binding does not declare report IDs', () => {
    expect(new KeyboardDecoder().push(NFC_REPORT_ID_KEY, 0)).toEqual([
      { ok: false, code: 'VITRINA_ERR_SCAN_MALFORMED', message: expect.stringContaining('9 bytes') },
    ]);
  });

  it('reads modifier 0x02 with key 0x21 as "$"', () => {
    expect(feed(new KeyboardDecoder(), [SHIFT_DOLLAR, KEY_UP, ENTER])).toEqual([{ ok: true, code: '$', symbology: null }]);
  });

  it('takes the shift state from the report carrying the key, not a modifier-only report before it', () => {
    const shiftOnly = Uint8Array.of(0x02, 0, 0, 0, 0, 0, 0, 0);
    const a = Uint8Array.of(0, 0, 0x04, 0, 0, 0, 0, 0);
    const shiftedB = Uint8Array.of(0x20, 0, 0x05, 0, 0, 0, 0, 0); // right shift
    expect(feed(new KeyboardDecoder(), [shiftOnly, a, KEY_UP, shiftOnly, shiftedB, KEY_UP, ENTER])).toEqual([
      { ok: true, code: 'aB', symbology: null },
    ]);
  });
});

describe('KeyboardDecoder key handling', () => {
  it('types a repeated character only once per key-down, and twice with a key-up between', () => {
    const one = Uint8Array.of(0, 0, 0x1e, 0, 0, 0, 0, 0);
    expect(feed(new KeyboardDecoder(), [one, one, one, KEY_UP, ENTER])).toEqual([{ ok: true, code: '1', symbology: null }]);
    expect(feed(new KeyboardDecoder(), [one, KEY_UP, one, KEY_UP, ENTER])).toEqual([{ ok: true, code: '11', symbology: null }]);
  });

  it('reads several keys newly down in one report, in report order', () => {
    const rollover = Uint8Array.of(0, 0, 0x1f, 0x20, 0, 0, 0, 0);
    expect(feed(new KeyboardDecoder(), [rollover, KEY_UP, ENTER])).toEqual([{ ok: true, code: '23', symbology: null }]);
  });

  it('skips phantom (ErrorRollOver) reports', () => {
    const phantom = Uint8Array.of(0, 0, 1, 1, 1, 1, 1, 1);
    const oneDownUp = encodeKeyboardReports('1').slice(0, 2);
    expect(feed(new KeyboardDecoder(), [...oneDownUp, phantom, ...encodeKeyboardReports('3')])).toEqual([{ ok: true, code: '13', symbology: null }]);
  });

  it('ends a scan on Tab when configured, and then Enter is not accepted as text', () => {
    const decoder = new KeyboardDecoder({ terminator: 'tab' });
    expect(feed(decoder, encodeKeyboardReports('4006381333931', { terminator: 'tab' }))).toEqual([
      { ok: true, code: '4006381333931', symbology: null },
    ]);
    expect(feed(decoder, encodeKeyboardReports('123'), 100)).toMatchObject([{ ok: false, message: expect.stringContaining('0x28') }]);
  });

  it('ignores a stray terminator with nothing before it', () => {
    expect(feed(new KeyboardDecoder(), [ENTER, KEY_UP, ENTER, KEY_UP])).toEqual([]);
  });
});

describe('KeyboardDecoder on bad input', () => {
  it('drops a burst with an unsupported key, says which key, never the text, and decodes the next scan', () => {
    const decoder = new KeyboardDecoder();
    const f5 = Uint8Array.of(0, 0, 0x3e, 0, 0, 0, 0, 0);
    const burst = [...encodeKeyboardReports('5350').slice(0, -2), f5, KEY_UP, ...encodeKeyboardReports('29')];
    const out = feed(decoder, burst);
    expect(out).toEqual([{ ok: false, code: 'VITRINA_ERR_SCAN_MALFORMED', message: expect.stringContaining('0x3e') }]);
    expect(JSON.stringify(out)).not.toContain('5350');
    expect(feed(decoder, encodeKeyboardReports('4006381333931'), 100)).toEqual([{ ok: true, code: '4006381333931', symbology: null }]);
  });

  it('treats Ctrl+key as not scan text', () => {
    const ctrlC = Uint8Array.of(0x01, 0, 0x06, 0, 0, 0, 0, 0);
    expect(feed(new KeyboardDecoder(), [ctrlC, KEY_UP, ENTER])).toMatchObject([{ ok: false, code: 'VITRINA_ERR_SCAN_MALFORMED' }]);
  });

  it.each([
    ['short', Uint8Array.of(0, 0, 0x1e)],
    ['long', new Uint8Array(64)],
    ['empty', new Uint8Array(0)],
  ])('refuses a %s report and keeps working', (_name, bad) => {
    const decoder = new KeyboardDecoder();
    expect(decoder.push(bad, 0)).toMatchObject([{ ok: false, code: 'VITRINA_ERR_SCAN_MALFORMED' }]);
    expect(feed(decoder, encodeKeyboardReports('99'), 1)).toEqual([{ ok: true, code: '99', symbology: null }]);
  });

  it('refuses a burst longer than the limit', () => {
    const decoder = new KeyboardDecoder({ maxLength: 20 });
    expect(feed(decoder, encodeKeyboardReports('1'.repeat(30)))).toEqual([
      { ok: false, code: 'VITRINA_ERR_SCAN_MALFORMED', message: expect.stringContaining('20 characters') },
    ]);
  });

  it('reports a burst with no terminator once the gap passes, and does not glue it to the next', () => {
    const decoder = new KeyboardDecoder({ burstGapMs: 300 });
    feed(decoder, encodeKeyboardReports('123').slice(0, -2), 0);
    expect(decoder.expire(200)).toEqual([]);
    const late = feed(decoder, encodeKeyboardReports('456'), 1000);
    expect(late).toEqual([
      { ok: false, code: 'VITRINA_ERR_SCAN_MALFORMED', message: expect.stringContaining('terminator') },
      { ok: true, code: '456', symbology: null },
    ]);
  });
});

describe('encodeKeyboardReports', () => {
  it('produces key-down + key-up per character, shifted where US needs it', () => {
    const reports = encodeKeyboardReports('$a');
    expect(reports).toEqual([SHIFT_DOLLAR, KEY_UP, Uint8Array.of(0, 0, 0x04, 0, 0, 0, 0, 0), KEY_UP, ENTER, KEY_UP]);
    expect(encodeKeyboardReports('0', { reportId: 2 })[0]).toEqual(NFC_REPORT_ID_KEY);
  });

  it('round-trips every printable ASCII character', () => {
    const text = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
    expect(feed(new KeyboardDecoder(), encodeKeyboardReports(text))).toEqual([{ ok: true, code: text, symbology: null }]);
    expect(feed(new KeyboardDecoder({ reportId: true }), encodeKeyboardReports(text, { reportId: 1 }))).toEqual([
      { ok: true, code: text, symbology: null },
    ]);
  });

  it('refuses characters a US keyboard cannot type', () => {
    expect(() => encodeKeyboardReports('é')).toThrow(RangeError);
    expect(() => encodeKeyboardReports('a\nb')).toThrow(RangeError);
  });
});
