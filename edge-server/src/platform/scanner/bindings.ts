/**
 * Scanner bindings from config (the SCANNERS JSON): which device belongs to which kiosk and how
 * its reports are laid out. A binding names a device by path, or by vendor/product id so that it
 * is found again after a replug at another path.
 */
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { ScanLayout } from './decoders/types.js';

/** USB ids may be written as numbers or as "0x0c2e" in the config JSON. */
const UsbId = Type.Union([Type.Integer({ minimum: 0, maximum: 0xffff }), Type.String({ pattern: '^0[xX][0-9a-fA-F]{1,4}$' })]);

export const ScannerBindingSchema = Type.Object(
  {
    kioskId: Type.String({ minLength: 1, maxLength: 64 }),
    vendorId: Type.Optional(UsbId),
    productId: Type.Optional(UsbId),
    path: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    layout: Type.Union([Type.Literal('hid-pos'), Type.Literal('keyboard'), Type.Literal('msr-keyboard')]),
    /** Keyboard layouts: reads start with a report ID byte. Default: from the report descriptor, else false. */
    reportId: Type.Optional(Type.Boolean()),
    terminator: Type.Optional(Type.Union([Type.Literal('enter'), Type.Literal('tab')])),
  },
  { additionalProperties: false },
);

export interface ScannerBinding {
  kioskId: string;
  vendorId?: number;
  productId?: number;
  path?: string;
  layout: ScanLayout;
  reportId?: boolean;
  terminator?: 'enter' | 'tab';
}

export type ParseBindingsResult = { ok: true; bindings: ScannerBinding[] } | { ok: false; code: 'VITRINA_ERR_VALIDATION'; message: string };

/** Parses and checks the SCANNERS config value. Never throws. */
export function parseScannerBindings(json: string): ParseBindingsResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fail('SCANNERS is not valid JSON');
  }
  if (!Array.isArray(raw)) return fail('SCANNERS must be a JSON array of bindings');
  const bindings: ScannerBinding[] = [];
  for (const [i, item] of raw.entries()) {
    if (!Value.Check(ScannerBindingSchema, item)) {
      const first = [...Value.Errors(ScannerBindingSchema, item)].at(-1);
      return fail(`SCANNERS[${i}]${first?.instancePath ?? ''}: ${first?.message ?? 'invalid binding'}`);
    }
    const b = item as Static<typeof ScannerBindingSchema>;
    if (b.path === undefined && b.vendorId === undefined) return fail(`SCANNERS[${i}]: give a path or a vendorId`);
    bindings.push({
      kioskId: b.kioskId,
      layout: b.layout,
      ...(b.path === undefined ? {} : { path: b.path }),
      ...(b.vendorId === undefined ? {} : { vendorId: usbId(b.vendorId) }),
      ...(b.productId === undefined ? {} : { productId: usbId(b.productId) }),
      ...(b.reportId === undefined ? {} : { reportId: b.reportId }),
      ...(b.terminator === undefined ? {} : { terminator: b.terminator }),
    });
  }
  return { ok: true, bindings };
}

function usbId(value: number | string): number {
  return typeof value === 'number' ? value : Number.parseInt(value.slice(2), 16);
}

function fail(message: string): ParseBindingsResult {
  return { ok: false, code: 'VITRINA_ERR_VALIDATION', message };
}
