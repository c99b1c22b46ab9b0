import { describe, expect, it } from 'vitest';
import { SWIPE_FATEHI, SWIPE_SIMPSON } from './captures.fixture.js';
import { encodeKeyboardReports } from './keyboard.js';
import { MsrKeyboardDecoder, parseMagstripe } from './msr.js';
import type { DecodeOutput } from './types.js';

function swipe(decoder: MsrKeyboardDecoder, text: string, at = 0): DecodeOutput[] {
  return encodeKeyboardReports(text).flatMap((r, i) => decoder.push(r, at + i));
}

describe('parseMagstripe', () => {
  it('takes the PAN from track 2 of both published samples', () => {
    expect(parseMagstripe(SWIPE_FATEHI)).toEqual({ ok: true, pan: '5350290149345177', track: 2 });
    expect(parseMagstripe(`${SWIPE_SIMPSON}\n`)).toEqual({ ok: true, pan: '6009050000000000', track: 2 });
  });

  it('strips the !STCARD A prefix', () => {
    expect(parseMagstripe(`!STCARD A ${SWIPE_SIMPSON}`)).toEqual({ ok: true, pan: '6009050000000000', track: 2 });
  });

  it('falls back to track 1 when track 2 is missing or failed to read', () => {
    const track1 = SWIPE_FATEHI.slice(0, SWIPE_FATEHI.indexOf(';'));
    expect(parseMagstripe(track1)).toEqual({ ok: true, pan: '5350290149345177', track: 1 });
    expect(parseMagstripe(`${track1};E?`)).toEqual({ ok: true, pan: '5350290149345177', track: 1 });
  });

  it.each([
    ['both tracks failed', '%E?;E?'],
    ['no sentinels', '5350290149345177'],
    ['track 2 without an end sentinel', ';5350290149345177=1604201'],
    ['a PAN longer than 19 digits', ';53502901493451771234=1604?'],
    ['empty', ''],
  ])('refuses %s without echoing the data', (_name, text) => {
    const r = parseMagstripe(text);
    expect(r).toEqual({ ok: false, code: 'VITRINA_ERR_SCAN_MALFORMED', message: expect.any(String) });
    if (!r.ok) expect(r.message).not.toMatch(/\d{6}/);
  });
});

describe('MsrKeyboardDecoder', () => {
  it('decodes a swipe typed as keyboard reports into the PAN only', () => {
    const out = swipe(new MsrKeyboardDecoder(), SWIPE_FATEHI);
    expect(out).toEqual([{ ok: true, code: '5350290149345177', symbology: 'iso7813-track2' }]);
    // Nothing of the rest of the track (name, expiry, discretionary data) leaves the decoder.
    expect(JSON.stringify(out)).not.toMatch(/FATEHI|1604/);
  });

  it('decodes the second sample with its prefix', () => {
    expect(swipe(new MsrKeyboardDecoder(), `!STCARD A ${SWIPE_SIMPSON}`)).toEqual([
      { ok: true, code: '6009050000000000', symbology: 'iso7813-track2' },
    ]);
  });

  it('gives one scan when the reader ends each track with Enter', () => {
    const decoder = new MsrKeyboardDecoder();
    const [track1, track2] = [SWIPE_FATEHI.slice(0, SWIPE_FATEHI.indexOf(';')), SWIPE_FATEHI.slice(SWIPE_FATEHI.indexOf(';'))];
    const out = [...swipe(decoder, track1!, 0), ...swipe(decoder, track2!, 300)];
    expect(out).toEqual([{ ok: true, code: '5350290149345177', symbology: 'iso7813-track1' }]);
    // A later swipe of the same card is a new scan.
    expect(swipe(decoder, SWIPE_FATEHI, 10_000)).toHaveLength(1);
  });

  it('reports an unreadable swipe without the track data, then reads the next one', () => {
    const decoder = new MsrKeyboardDecoder();
    const out = swipe(decoder, '%B5350290149345177^FATEHI/SUALEH?;E?');
    expect(out).toEqual([{ ok: false, code: 'VITRINA_ERR_SCAN_MALFORMED', message: expect.any(String) }]);
    expect(JSON.stringify(out)).not.toMatch(/5350|FATEHI/);
    expect(swipe(decoder, SWIPE_SIMPSON, 5000)).toMatchObject([{ ok: true, code: '6009050000000000' }]);
  });
});
