import { describe, expect, it } from 'vitest';
import { parseScannerBindings } from './bindings.js';

describe('parseScannerBindings', () => {
  it('reads bindings by path or by USB ids, hex strings included', () => {
    const json = JSON.stringify([
      { kioskId: 'kiosk-1', vendorId: '0x0c2e', productId: 2913, layout: 'hid-pos' },
      { kioskId: 'kiosk-2', path: '/dev/hidraw4', layout: 'keyboard', reportId: true, terminator: 'tab' },
    ]);
    expect(parseScannerBindings(json)).toEqual({
      ok: true,
      bindings: [
        { kioskId: 'kiosk-1', vendorId: 0x0c2e, productId: 0x0b61, layout: 'hid-pos' },
        { kioskId: 'kiosk-2', path: '/dev/hidraw4', layout: 'keyboard', reportId: true, terminator: 'tab' },
      ],
    });
    expect(parseScannerBindings('[]')).toEqual({ ok: true, bindings: [] });
  });

  it.each([
    ['not JSON', '[{', /not valid JSON/],
    ['not an array', '{"kioskId":"k"}', /array/],
    ['an unknown layout', '[{"kioskId":"k","path":"/dev/hidraw0","layout":"serial"}]', /SCANNERS\[0\]/],
    ['an unknown field', '[{"kioskId":"k","path":"/dev/hidraw0","layout":"keyboard","baud":9600}]', /SCANNERS\[0\]/],
    ['a vendor id out of range', '[{"kioskId":"k","vendorId":70000,"layout":"keyboard"}]', /SCANNERS\[0\]/],
    ['neither path nor vendor id', '[{"kioskId":"k","layout":"keyboard"}]', /path or a vendorId/],
  ])('refuses %s with a validation error', (_name, json, message) => {
    expect(parseScannerBindings(json)).toEqual({ ok: false, code: 'VITRINA_ERR_VALIDATION', message: expect.stringMatching(message) });
  });
});
