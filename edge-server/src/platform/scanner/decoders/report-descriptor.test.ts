import { describe, expect, it } from 'vitest';
import { HONEYWELL_POS_DESCRIPTOR } from './captures.fixture.js';
import { layoutForUsage, summarizeReportDescriptor, usageFitsLayout } from './report-descriptor.js';

// The boot keyboard descriptor from the HID 1.11 specification, appendix B.1 (no report IDs).
const BOOT_KEYBOARD = Uint8Array.from([
  0x05, 0x01, 0x09, 0x06, 0xa1, 0x01, 0x05, 0x07, 0x19, 0xe0, 0x29, 0xe7, 0x15, 0x00, 0x25, 0x01, 0x75, 0x01, 0x95, 0x08,
  0x81, 0x02, 0x95, 0x01, 0x75, 0x08, 0x81, 0x01, 0x95, 0x05, 0x75, 0x01, 0x05, 0x08, 0x19, 0x01, 0x29, 0x05, 0x91, 0x02,
  0x95, 0x01, 0x75, 0x03, 0x91, 0x01, 0x95, 0x06, 0x75, 0x08, 0x15, 0x00, 0x25, 0x65, 0x05, 0x07, 0x19, 0x00, 0x29, 0x65,
  0x81, 0x00, 0xc0,
]);

describe('summarizeReportDescriptor', () => {
  it('finds usage page 0x8C and report ID 2 in the Honeywell POS descriptor', () => {
    const summary = summarizeReportDescriptor(HONEYWELL_POS_DESCRIPTOR);
    expect(summary).toEqual({ usagePage: 0x8c, usage: 0x02, reportIds: [2] });
    expect(layoutForUsage(summary.usagePage, summary.usage)).toBe('hid-pos');
  });

  it('finds a keyboard without report IDs in the boot keyboard descriptor', () => {
    const summary = summarizeReportDescriptor(BOOT_KEYBOARD);
    expect(summary).toEqual({ usagePage: 0x01, usage: 0x06, reportIds: [] });
    expect(layoutForUsage(summary.usagePage, summary.usage)).toBe('keyboard');
  });

  it('sees the report ID a keyboard with numbered reports declares', () => {
    const numbered = Uint8Array.from([0x05, 0x01, 0x09, 0x06, 0xa1, 0x01, 0x85, 0x02, ...BOOT_KEYBOARD.slice(6)]);
    expect(summarizeReportDescriptor(numbered)).toEqual({ usagePage: 0x01, usage: 0x06, reportIds: [2] });
  });

  it('reads an extended (4-byte) usage that carries its page', () => {
    const extended = Uint8Array.from([0x0b, 0x02, 0x00, 0x8c, 0x00, 0xa1, 0x01, 0xc0]);
    expect(summarizeReportDescriptor(extended)).toMatchObject({ usagePage: 0x8c, usage: 0x02 });
  });

  it('never throws on truncated or random descriptors', () => {
    for (let cut = 0; cut < HONEYWELL_POS_DESCRIPTOR.length; cut++) {
      expect(() => summarizeReportDescriptor(HONEYWELL_POS_DESCRIPTOR.slice(0, cut))).not.toThrow();
    }
    expect(summarizeReportDescriptor(Uint8Array.from([0xfe, 0xff, 0x00]))).toEqual({ usagePage: null, usage: null, reportIds: [] });
    expect(summarizeReportDescriptor(HONEYWELL_POS_DESCRIPTOR.slice(0, 4))).toEqual({ usagePage: null, usage: null, reportIds: [] });
  });
});

describe('usageFitsLayout', () => {
  it('matches layouts to usages and accepts an unknown usage', () => {
    expect(usageFitsLayout('hid-pos', 0x8c, 0x02)).toBe(true);
    expect(usageFitsLayout('hid-pos', 0x01, 0x06)).toBe(false);
    expect(usageFitsLayout('keyboard', 0x01, 0x06)).toBe(true);
    expect(usageFitsLayout('msr-keyboard', 0x01, 0x06)).toBe(true);
    expect(usageFitsLayout('keyboard', 0x01, 0x02)).toBe(false); // a mouse
    expect(usageFitsLayout('keyboard', null, null)).toBe(true);
  });
});
