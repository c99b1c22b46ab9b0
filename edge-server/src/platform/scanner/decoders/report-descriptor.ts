/**
 * Just enough of a HID report descriptor to pick a decoder: the usage page and usage of the
 * top-level application collection, and whether reports are numbered (a Report ID item means
 * every hidraw read starts with the report ID byte).
 */
import type { ScanLayout } from './types.js';

export const USAGE_PAGE_GENERIC_DESKTOP = 0x01;
export const USAGE_KEYBOARD = 0x06;
export const USAGE_PAGE_POS_BARCODE = 0x8c;

export interface DescriptorSummary {
  /** Usage page and usage of the first application collection, null when there is none. */
  usagePage: number | null;
  usage: number | null;
  reportIds: number[];
}

/** Short items: bTag (4 bits) bType (2) bSize (2); size code 3 means 4 bytes. */
const TYPE_MAIN = 0;
const TYPE_GLOBAL = 1;
const TYPE_LOCAL = 2;
const TAG_COLLECTION = 0xa;
const TAG_END_COLLECTION = 0xc;
const TAG_USAGE_PAGE = 0x0;
const TAG_REPORT_ID = 0x8;
const TAG_USAGE = 0x0;
const COLLECTION_APPLICATION = 0x01;
const LONG_ITEM = 0xfe;

/** Never throws: a truncated or garbled descriptor gives what was read before the damage. */
export function summarizeReportDescriptor(bytes: Uint8Array): DescriptorSummary {
  const summary: DescriptorSummary = { usagePage: null, usage: null, reportIds: [] };
  let usagePage: number | null = null;
  let usage: number | null = null;
  let usageExtended = false;
  let depth = 0;
  let i = 0;
  while (i < bytes.length) {
    const prefix = bytes[i] ?? 0;
    if (prefix === LONG_ITEM) {
      i += 3 + (bytes[i + 1] ?? 0);
      continue;
    }
    const sizeCode = prefix & 0x03;
    const size = sizeCode === 3 ? 4 : sizeCode;
    if (i + 1 + size > bytes.length) break;
    let value = 0;
    for (let k = 0; k < size; k++) value += (bytes[i + 1 + k] ?? 0) * 2 ** (8 * k);
    const type = (prefix >> 2) & 0x03;
    const tag = prefix >> 4;
    if (type === TYPE_GLOBAL && tag === TAG_USAGE_PAGE) usagePage = value;
    else if (type === TYPE_GLOBAL && tag === TAG_REPORT_ID && !summary.reportIds.includes(value)) summary.reportIds.push(value);
    // A 4-byte usage carries its own page in the high 16 bits (extended usage).
    else if (type === TYPE_LOCAL && tag === TAG_USAGE && usage === null) {
      usage = value;
      usageExtended = size === 4;
    }
    else if (type === TYPE_MAIN) {
      if (tag === TAG_COLLECTION) {
        if (depth === 0 && value === COLLECTION_APPLICATION && summary.usagePage === null && usage !== null) {
          summary.usagePage = usageExtended ? Math.floor(usage / 0x10000) : usagePage;
          summary.usage = usage & 0xffff;
        }
        depth++;
      } else if (tag === TAG_END_COLLECTION) depth = Math.max(0, depth - 1);
      usage = null; // local items last until the next main item
    }
    i += 1 + size;
  }
  return summary;
}

/** The decoder layout for a top-level usage, or null when it is neither a keyboard nor POS. */
export function layoutForUsage(usagePage: number | null | undefined, usage: number | null | undefined): 'hid-pos' | 'keyboard' | null {
  if (usagePage === USAGE_PAGE_POS_BARCODE) return 'hid-pos';
  if (usagePage === USAGE_PAGE_GENERIC_DESKTOP && usage === USAGE_KEYBOARD) return 'keyboard';
  return null;
}

/** Whether a device whose top-level usage is known can carry the configured layout. */
export function usageFitsLayout(layout: ScanLayout, usagePage: number | null | undefined, usage: number | null | undefined): boolean {
  if (usagePage === null || usagePage === undefined) return true;
  const found = layoutForUsage(usagePage, usage);
  return layout === 'hid-pos' ? found === 'hid-pos' : found === 'keyboard';
}
