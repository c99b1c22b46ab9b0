import { describe, expect, it } from 'vitest';
import { parseTime } from './parse-time.js';

const utc = (s: string) => Date.parse(s);

describe('parseTime: every accepted form, read the same whatever the machine time zone', () => {
  it.each([
    ['2007-03-20T13:05:09Z', '2007-03-20T13:05:09Z'],
    ['2007-03-20T13:05:09.250Z', '2007-03-20T13:05:09.250Z'],
    ['2007-03-20T13:05:09+08:00', '2007-03-20T05:05:09Z'],
    ['2007-03-20T13:05:09+0800', '2007-03-20T05:05:09Z'],
    ['2017-01-28 14:06:53-0500', '2017-01-28T19:06:53Z'], // Complete Journey's form
    ['2007-03-20T13:05+01', '2007-03-20T12:05:00Z'],
    ['2007-03-20T13:05', '2007-03-20T13:05:00Z'], // ISO without seconds, no zone → UTC
    ['2007-03-20T13:05:09', '2007-03-20T13:05:09Z'], // ISO without zone → UTC
    ['2007-03-20 13:05:09', '2007-03-20T13:05:09Z'], // YYYY-MM-DD HH:MM:SS
    ['2007-03-20', '2007-03-20T00:00:00Z'],
    ['2007/03/20 13:05:09', '2007-03-20T13:05:09Z'],
    ['2000/11/1', '2000-11-01T00:00:00Z'],
    ['20070320-13', '2007-03-20T13:00:00Z'], // compact: the form the issue saw refused
    ['20070320-1305', '2007-03-20T13:05:00Z'],
    ['20070320T130509Z', '2007-03-20T13:05:09Z'],
    ['20070320 130509', '2007-03-20T13:05:09Z'],
    ['  2007-03-20  ', '2007-03-20T00:00:00Z'],
  ])('%s', (value, iso) => {
    expect(parseTime(value)).toBe(utc(iso));
  });

  it('reads numbers as epoch ms from 1e11 up, as epoch seconds below (basket order keeps its order)', () => {
    expect(parseTime('1174395909250')).toBe(1174395909250);
    expect(parseTime('1174395909')).toBe(1174395909000);
    expect(parseTime('1174395909.5')).toBe(1174395909500);
    expect(parseTime('100000000000')).toBe(1e11); // the boundary is ms
    expect(parseTime('99999999999')).toBe(99999999999000);
    expect([parseTime('0'), parseTime('1'), parseTime('2')]).toEqual([0, 1000, 2000]);
    expect(parseTime('20070320')).toBe(20070320000); // a bare 8-digit number is a number, as documented
  });

  it.each(['', 'yesterday', '20.03.2007', '03/20/2007', '2007-13-01', '2007-02-30', '2007-03-20T25:00', '2007-03-20T13:60', '20070320-', '2007032013Z', 'Tue, 20 Mar 2007 13:00:00 GMT', '2007-03-20T13:05:09+8'])(
    'refuses %j',
    (value) => {
      expect(parseTime(value)).toBeNaN();
    },
  );
});
