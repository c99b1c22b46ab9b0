import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv.js';

describe('csvField', () => {
  it('defuses every formula lead, including tab and CR, and leaves plain values as they are', () => {
    for (const lead of ['=', '+', '-', '@']) expect(csvField(`${lead}1+1`)).toBe(`'${lead}1+1`);
    expect(csvField('\t=cmd')).toBe("'\t=cmd");
    expect(csvField('\r=cmd')).toBe(`"'\r=cmd"`);
    expect(csvField('a-b')).toBe('a-b');
    // A plain number is no formula: negative amounts (refunds) stay numbers.
    expect(csvField(-3)).toBe('-3');
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField('-12.50+1')).toBe("'-12.50+1");
    expect(csvField(7)).toBe('7');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes, after defusing', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://evil","click")')).toBe(`"'=HYPERLINK(""http://evil"",""click"")"`);
  });
});

describe('csvLine', () => {
  it('joins fields with commas and ends with CRLF', () => {
    expect(csvLine(['id', 1, null, 'a,b'])).toBe('id,1,,"a,b"\r\n');
    expect(csvLine([])).toBe('\r\n');
  });
});
