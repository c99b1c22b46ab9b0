import { describe, expect, it } from 'vitest';
import { HONEYWELL_POS_DESCRIPTOR, VOYAGER_ACK, VOYAGER_REVINF_PART1, VOYAGER_REVINF_PART2 } from './decoders/captures.fixture.js';
import { encodeHidPosReports } from './decoders/hid-pos.js';
import { encodeKeyboardReports } from './decoders/keyboard.js';
import { NodeHidBackend, type HidBackend } from './hid-backend.js';
import { ScannerService, type ScanErrorEvent, type ScanEvent, type ScannerDeviceEvent } from './service.js';
import { SimulatedHidBackend } from './simulated-backend.js';

const HONEYWELL = { vendorId: 0x0c2e, productId: 0x0b61 };

function record(service: ScannerService) {
  const scans: ScanEvent[] = [];
  const errors: ScanErrorEvent[] = [];
  const devices: ScannerDeviceEvent[] = [];
  service.on('scan', (e) => scans.push(e));
  service.on('scan-error', (e) => errors.push(e));
  service.on('device', (e) => devices.push(e));
  return { scans, errors, devices };
}

describe('ScannerService with the simulated backend', () => {
  it('routes each bound scanner to its kiosk, per layout', async () => {
    const backend = new SimulatedHidBackend();
    backend.addDevice({ path: '/dev/hidraw0', ...HONEYWELL, usagePage: 0x8c, usage: 0x02 });
    backend.addDevice({ path: '/dev/hidraw1', vendorId: 0x1234, productId: 0x0001, usagePage: 0x01, usage: 0x06 });
    backend.addDevice({ path: '/dev/hidraw2', vendorId: 0x0801, productId: 0x0002 });
    const service = new ScannerService({
      backend,
      bindings: [
        { kioskId: 'kiosk-pos', ...HONEYWELL, layout: 'hid-pos' },
        { kioskId: 'kiosk-kbd', path: '/dev/hidraw1', layout: 'keyboard' },
        { kioskId: 'kiosk-msr', vendorId: 0x0801, layout: 'msr-keyboard' },
      ],
      pollIntervalMs: 60_000,
    });
    const { scans, errors } = record(service);
    await service.start();

    backend.feedAll('/dev/hidraw0', [VOYAGER_REVINF_PART1, VOYAGER_REVINF_PART2]);
    backend.feedAll('/dev/hidraw1', encodeKeyboardReports('2990000000422'));
    backend.feedAll('/dev/hidraw2', encodeKeyboardReports(';6009050000000000=00000002411111111100?'));

    expect(errors).toEqual([]);
    expect(scans.map(({ kioskId, code, symbology }) => ({ kioskId, code, symbology }))).toEqual([
      { kioskId: 'kiosk-pos', code: 'Product Name: Voyager 1602g\r\nBoot Revision: : 8992\r\nSoftum: N/A\r\n', symbology: ']X0' },
      { kioskId: 'kiosk-kbd', code: '2990000000422', symbology: null },
      { kioskId: 'kiosk-msr', code: '6009050000000000', symbology: 'iso7813-track2' },
    ]);
    expect(scans.every((s) => s.at instanceof Date)).toBe(true);
    expect(service.status()).toEqual({
      status: 'ok',
      reason: null,
      devices: [
        { kioskId: 'kiosk-pos', path: '/dev/hidraw0', connected: true, layout: 'hid-pos' },
        { kioskId: 'kiosk-kbd', path: '/dev/hidraw1', connected: true, layout: 'keyboard' },
        { kioskId: 'kiosk-msr', path: '/dev/hidraw2', connected: true, layout: 'msr-keyboard' },
      ],
    });
    await service.stop();
    expect(backend.openHandles('/dev/hidraw0') + backend.openHandles('/dev/hidraw1') + backend.openHandles('/dev/hidraw2')).toBe(0);
  });

  it('emits scan-error for garbage and keeps decoding the same device afterwards', async () => {
    const backend = new SimulatedHidBackend();
    backend.addDevice({ path: '/dev/hidraw0', ...HONEYWELL });
    const service = new ScannerService({ backend, bindings: [{ kioskId: 'k1', path: '/dev/hidraw0', layout: 'hid-pos' }], pollIntervalMs: 60_000 });
    const { scans, errors } = record(service);
    await service.start();
    backend.feed('/dev/hidraw0', [0xde, 0xad, 0xbe, 0xef]);
    backend.feed('/dev/hidraw0', VOYAGER_ACK);
    expect(errors).toEqual([{ kioskId: 'k1', code: 'VITRINA_ERR_SCAN_MALFORMED', message: expect.stringContaining('4 bytes') }]);
    expect(scans.map((s) => s.code)).toEqual(['REVINF\u0006.']);
    await service.stop();
  });

  it('survives unplug and replug at the same path, and at a new path when bound by vendor/product', async () => {
    const backend = new SimulatedHidBackend();
    backend.addDevice({ path: '/dev/hidraw3', ...HONEYWELL, reportDescriptor: HONEYWELL_POS_DESCRIPTOR });
    const service = new ScannerService({ backend, bindings: [{ kioskId: 'k1', ...HONEYWELL, layout: 'hid-pos' }], pollIntervalMs: 60_000 });
    const { scans, devices } = record(service);
    await service.start();
    expect(service.status().devices[0]).toMatchObject({ connected: true, path: '/dev/hidraw3' });

    backend.feed('/dev/hidraw3', VOYAGER_REVINF_PART1); // unplugged mid-message
    backend.unplug('/dev/hidraw3');
    await service.refresh();
    expect(service.status()).toMatchObject({ status: 'ok', devices: [{ kioskId: 'k1', connected: false }] });
    expect(service.status().reason).toMatch(/k1: /);
    expect(backend.openHandles('/dev/hidraw3')).toBe(0);

    backend.replug('/dev/hidraw3');
    await service.refresh();
    backend.feedAll('/dev/hidraw3', encodeHidPosReports('2990000000422', ']E0'));

    backend.unplug('/dev/hidraw3');
    backend.replug('/dev/hidraw3', '/dev/hidraw7');
    await service.refresh();
    backend.feedAll('/dev/hidraw7', encodeHidPosReports('4006381333931', ']E0'));

    // The half message from before the unplug is not glued to the scan after it.
    expect(scans.map((s) => s.code)).toEqual(['2990000000422', '4006381333931']);
    expect(devices.map((d) => `${d.path} ${d.connected}`)).toEqual([
      '/dev/hidraw3 true',
      '/dev/hidraw3 false',
      '/dev/hidraw3 true',
      '/dev/hidraw3 false',
      '/dev/hidraw7 true',
    ]);
    expect(service.status()).toEqual({ status: 'ok', reason: null, devices: [{ kioskId: 'k1', path: '/dev/hidraw7', connected: true, layout: 'hid-pos' }] });
    await service.stop();
  });

  it('reopens a replugged scanner on its own through the enumeration poll', async () => {
    const backend = new SimulatedHidBackend();
    backend.addDevice({ path: '/dev/hidraw0', ...HONEYWELL });
    const service = new ScannerService({ backend, bindings: [{ kioskId: 'k1', path: '/dev/hidraw0', layout: 'hid-pos' }], pollIntervalMs: 20 });
    const { devices } = record(service);
    await service.start();
    backend.unplug('/dev/hidraw0');
    backend.replug('/dev/hidraw0');
    const reopened = new Promise<ScannerDeviceEvent>((resolve) => service.on('device', (e) => e.connected && resolve(e)));
    expect(await reopened).toEqual({ kioskId: 'k1', path: '/dev/hidraw0', connected: true });
    expect(devices.map((d) => d.connected)).toEqual([true, false, true]);
    await service.stop();
  });

  it('picks the interface whose usage fits the layout on a composite scanner', async () => {
    const backend = new SimulatedHidBackend();
    backend.addDevice({ path: '/dev/hidraw0', ...HONEYWELL, interface: 0, usagePage: 0x01, usage: 0x06 });
    backend.addDevice({ path: '/dev/hidraw1', ...HONEYWELL, interface: 1, reportDescriptor: HONEYWELL_POS_DESCRIPTOR });
    const pos = new ScannerService({ backend, bindings: [{ kioskId: 'k1', ...HONEYWELL, layout: 'hid-pos' }], pollIntervalMs: 60_000 });
    await pos.start();
    expect(pos.status().devices[0]).toMatchObject({ path: '/dev/hidraw1', connected: true });
    await pos.stop();

    const keyboard = new ScannerService({ backend, bindings: [{ kioskId: 'k1', ...HONEYWELL, layout: 'keyboard' }], pollIntervalMs: 60_000 });
    await keyboard.start();
    expect(keyboard.status().devices[0]).toMatchObject({ path: '/dev/hidraw0', connected: true });
    await keyboard.stop();
  });

  it('takes the report ID byte from the descriptor when the binding does not say', async () => {
    const backend = new SimulatedHidBackend();
    // A keyboard interface that numbers its reports (Report ID 2), like the NFC reader capture.
    const numberedKeyboard = Uint8Array.from([0x05, 0x01, 0x09, 0x06, 0xa1, 0x01, 0x85, 0x02, 0x05, 0x07, 0x75, 0x08, 0x95, 0x08, 0x81, 0x00, 0xc0]);
    backend.addDevice({ path: '/dev/hidraw0', vendorId: 0x1111, productId: 1, reportDescriptor: numberedKeyboard });
    const service = new ScannerService({ backend, bindings: [{ kioskId: 'k1', vendorId: 0x1111, layout: 'keyboard' }], pollIntervalMs: 60_000 });
    const { scans, errors } = record(service);
    await service.start();
    backend.feedAll('/dev/hidraw0', encodeKeyboardReports('00', { reportId: 2 }));
    expect(errors).toEqual([]);
    expect(scans.map((s) => s.code)).toEqual(['00']);
    await service.stop();
  });

  it('says why a bound scanner is missing, and reports a burst cut short on the next poll', async () => {
    const backend = new SimulatedHidBackend();
    backend.addDevice({ path: '/dev/hidraw0', vendorId: 0x1111, productId: 1 });
    let clock = 0;
    const service = new ScannerService({
      backend,
      bindings: [
        { kioskId: 'k1', path: '/dev/hidraw0', layout: 'keyboard' },
        { kioskId: 'k2', vendorId: 0x2222, productId: 0x0003, layout: 'hid-pos' },
      ],
      pollIntervalMs: 60_000,
      burstGapMs: 500,
      now: () => clock,
    });
    const { scans, errors } = record(service);
    await service.start();
    expect(service.status()).toMatchObject({ status: 'ok', reason: 'k2: no device matching vendor 0x2222 product 0x0003' });
    backend.feedAll('/dev/hidraw0', encodeKeyboardReports('123').slice(0, 4)); // no Enter
    clock = 2000;
    await service.refresh();
    expect(scans).toEqual([]);
    expect(errors).toEqual([{ kioskId: 'k1', code: 'VITRINA_ERR_SCAN_MALFORMED', message: expect.stringContaining('cut short') }]);
    await service.stop();
  });

  it('keeps running when a scan listener throws', async () => {
    const backend = new SimulatedHidBackend();
    backend.addDevice({ path: '/dev/hidraw0' });
    const warnings: string[] = [];
    const service = new ScannerService({
      backend,
      bindings: [{ kioskId: 'k1', path: '/dev/hidraw0', layout: 'keyboard' }],
      pollIntervalMs: 60_000,
      logger: { info: () => undefined, warn: (_o, msg) => warnings.push(msg) },
    });
    const codes: string[] = [];
    service.on('scan', (e) => {
      codes.push(e.code);
      if (codes.length === 1) throw new Error('listener bug');
    });
    await service.start();
    backend.feedAll('/dev/hidraw0', encodeKeyboardReports('111'));
    backend.feedAll('/dev/hidraw0', encodeKeyboardReports('222'));
    expect(codes).toEqual(['111', '222']);
    expect(warnings).toEqual(['scanner event listener threw']);
    expect(service.status().devices[0]?.connected).toBe(true);
    await service.stop();
  });

  it('is disabled without bindings and unavailable when the backend cannot load', async () => {
    const none = new ScannerService({ backend: new SimulatedHidBackend(), bindings: [] });
    await none.start();
    expect(none.status()).toEqual({ status: 'disabled', reason: 'no scanners configured', devices: [] });

    const broken: HidBackend = new NodeHidBackend({ load: () => import('../../scanner/no-such-native-module.js' as string) });
    const service = new ScannerService({ backend: broken, bindings: [{ kioskId: 'k1', path: '/dev/hidraw0', layout: 'hid-pos' }] });
    await service.start();
    expect(service.status()).toEqual({
      status: 'unavailable',
      reason: expect.stringMatching(/^node-hid cannot load: .*no-such-native-module/),
      devices: [{ kioskId: 'k1', path: '/dev/hidraw0', connected: false, layout: 'hid-pos' }],
    });
    await service.stop();
  });
});
