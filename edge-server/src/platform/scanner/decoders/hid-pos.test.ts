import { describe, expect, it } from 'vitest';
import { VOYAGER_ACK, VOYAGER_REVINF_PART1, VOYAGER_REVINF_PART2, VOYAGER_REVINF_TEXT } from './captures.fixture.js';
import { encodeHidPosReports, HidPosDecoder } from './hid-pos.js';
import type { DecodeOutput } from './types.js';

function feed(decoder: HidPosDecoder, reports: Uint8Array[], at = 0): DecodeOutput[] {
  return reports.flatMap((r, i) => decoder.push(r, at + i));
}

describe('HidPosDecoder on real captures', () => {
  it('reassembles the two-report Voyager reply byte for byte', () => {
    expect(VOYAGER_REVINF_PART1).toHaveLength(64);
    const decoder = new HidPosDecoder();
    expect(decoder.push(VOYAGER_REVINF_PART1, 0)).toEqual([]); // continued: nothing yet
    expect(decoder.push(VOYAGER_REVINF_PART2, 1)).toEqual([{ ok: true, code: VOYAGER_REVINF_TEXT, symbology: ']X0' }]);
  });

  it('keeps a 0x06 byte inside the data and drops the zero padding', () => {
    const [out] = new HidPosDecoder().push(VOYAGER_ACK, 0);
    expect(out).toEqual({ ok: true, code: 'REVINF\u0006.', symbology: ']Z6' });
    if (out?.ok) expect(Buffer.from(out.code, 'latin1')).toEqual(Buffer.from([0x52, 0x45, 0x56, 0x49, 0x4e, 0x46, 0x06, 0x2e]));
  });
});

describe('HidPosDecoder on bad input', () => {
  const good = encodeHidPosReports('4006381333931', ']E0')[0]!;

  it.each([
    ['a truncated report', good.slice(0, 40), /40 bytes/],
    ['an empty read', new Uint8Array(0), /0 bytes/],
    ['another report ID', Uint8Array.from(good, (b, i) => (i === 0 ? 0x04 : b)), /report ID 0x04/],
    ['a length past the data area', Uint8Array.from(good, (b, i) => (i === 1 ? 0x39 : b)), /length 57/],
    ['garbage in the AIM bytes', Uint8Array.from(good, (b, i) => (i === 2 ? 0x41 : b)), /AIM/],
    ['bytes past the declared length', Uint8Array.from(good, (b, i) => (i === 40 ? 0x31 : b)), /past its declared length/],
  ])('%s → VITRINA_ERR_SCAN_MALFORMED, then the next scan decodes', (_name, bad, message) => {
    const decoder = new HidPosDecoder();
    const [err] = decoder.push(bad, 0);
    expect(err).toMatchObject({ ok: false, code: 'VITRINA_ERR_SCAN_MALFORMED', message: expect.stringMatching(message) });
    expect(decoder.push(good, 1)).toEqual([{ ok: true, code: '4006381333931', symbology: ']E0' }]);
  });

  it('drops a half message when garbage arrives between its reports', () => {
    const decoder = new HidPosDecoder();
    expect(decoder.push(VOYAGER_REVINF_PART1, 0)).toEqual([]);
    expect(decoder.push(Uint8Array.of(1, 2, 3), 1)).toMatchObject([{ ok: false }]);
    // The tail of the broken message is dropped too, not passed off as a scan of its own.
    expect(decoder.push(VOYAGER_REVINF_PART2, 2)).toEqual([]);
    expect(decoder.push(VOYAGER_ACK, 3)).toMatchObject([{ ok: true, code: 'REVINF\u0006.' }]);
  });

  it('reports a message whose continuation never arrives, after the burst gap', () => {
    const decoder = new HidPosDecoder({ burstGapMs: 500 });
    decoder.push(VOYAGER_REVINF_PART1, 1000);
    expect(decoder.expire(1400)).toEqual([]);
    expect(decoder.expire(1600)).toEqual([{ ok: false, code: 'VITRINA_ERR_SCAN_MALFORMED', message: expect.stringContaining('continuation') }]);
    expect(decoder.push(VOYAGER_ACK, 1700)).toMatchObject([{ ok: true, code: 'REVINF\u0006.' }]);
  });

  it('reports a stale head when the next scan starts after the gap', () => {
    const decoder = new HidPosDecoder({ burstGapMs: 500 });
    decoder.push(VOYAGER_REVINF_PART1, 0);
    expect(decoder.push(VOYAGER_ACK, 5000)).toEqual([
      { ok: false, code: 'VITRINA_ERR_SCAN_MALFORMED', message: expect.any(String) },
      { ok: true, code: 'REVINF\u0006.', symbology: ']Z6' },
    ]);
  });

  it('reports a continuation interrupted by another symbology', () => {
    const decoder = new HidPosDecoder();
    decoder.push(VOYAGER_REVINF_PART1, 0);
    expect(decoder.push(VOYAGER_ACK, 1)).toEqual([
      { ok: false, code: 'VITRINA_ERR_SCAN_MALFORMED', message: expect.stringContaining('another symbology') },
      { ok: true, code: 'REVINF\u0006.', symbology: ']Z6' },
    ]);
  });

  it('refuses a message over the size limit and an empty one', () => {
    const decoder = new HidPosDecoder({ maxMessageBytes: 100 });
    expect(feed(decoder, encodeHidPosReports('9'.repeat(200), ']Q0'))).toEqual([
      { ok: false, code: 'VITRINA_ERR_SCAN_MALFORMED', message: expect.stringContaining('100 bytes') },
    ]);
    expect(feed(decoder, encodeHidPosReports('4006381333931', ']E0'), 5)).toMatchObject([{ ok: true, code: '4006381333931' }]);
    const empty = new Uint8Array(64);
    empty[0] = 2;
    expect(decoder.push(empty, 20)).toMatchObject([{ ok: false, message: expect.stringContaining('no data') }]);
  });

  it('survives a stream of random reports and still decodes afterwards', () => {
    const decoder = new HidPosDecoder();
    let seed = 7;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    for (let n = 0; n < 2000; n++) {
      const report = Uint8Array.from({ length: rand() % 3 === 0 ? 64 : rand() % 70 }, rand);
      if (report.length > 0 && rand() % 2 === 0) report[0] = 2;
      for (const out of decoder.push(report, n)) expect(out.ok === false ? out.code : 'scan').toMatch(/VITRINA_ERR_SCAN_MALFORMED|scan/);
    }
    decoder.reset();
    expect(decoder.push(good, 5000)).toEqual([{ ok: true, code: '4006381333931', symbology: ']E0' }]);
  });
});

describe('encodeHidPosReports', () => {
  it('reproduces the captured Voyager reports byte for byte', () => {
    expect(encodeHidPosReports(VOYAGER_REVINF_TEXT, ']X0', { codeId: 0x3f })).toEqual([VOYAGER_REVINF_PART1, VOYAGER_REVINF_PART2]);
    expect(encodeHidPosReports('REVINF\u0006.', ']Z6', { codeId: 0x36 })).toEqual([VOYAGER_ACK]);
  });

  it.each([
    ['a single-report EAN-13', '4006381333931', ']E0'],
    ['exactly 56 bytes', 'A'.repeat(56), ']C0'],
    ['57 bytes', 'B'.repeat(57), ']C0'],
    ['a long QR payload with control bytes', `\u001d01${'0'.repeat(200)}\u0004\u00ff`, ']Q1'],
    ['no AIM identifier', '12345678', null],
  ])('round-trips %s', (_name, code, symbology) => {
    const reports = encodeHidPosReports(code, symbology);
    expect(reports.length).toBe(Math.ceil(code.length / 56));
    expect(feed(new HidPosDecoder(), reports)).toEqual([{ ok: true, code, symbology }]);
  });

  it('refuses what a scanner cannot send', () => {
    expect(() => encodeHidPosReports('', ']E0')).toThrow(RangeError);
    expect(() => encodeHidPosReports('€', ']E0')).toThrow(RangeError);
    expect(() => encodeHidPosReports('1', 'E0')).toThrow(RangeError);
  });
});
