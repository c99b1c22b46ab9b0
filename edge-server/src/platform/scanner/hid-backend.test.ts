import { describe, expect, it } from 'vitest';
import { NodeHidBackend } from './hid-backend.js';

describe('NodeHidBackend (real node-hid)', () => {
  it('enumerates through node-hid, or says exactly why it cannot', async () => {
    const backend = new NodeHidBackend();
    const probe = await backend.probe();
    if (probe.available) {
      const devices = await backend.list();
      expect(Array.isArray(devices)).toBe(true);
      for (const d of devices) {
        expect(typeof d.path).toBe('string');
        expect(d.vendorId).toBeGreaterThanOrEqual(0);
      }
      // Opening a device that is not there is a rejected promise, not a crash.
      await expect(backend.open('/dev/hidraw-vitrina-missing')).rejects.toThrow();
    } else {
      expect(probe.reason).toMatch(/^node-hid cannot load: ./);
      await expect(backend.list()).rejects.toThrow(probe.reason);
    }
  });

  it('reports unavailable with the reason when the native module cannot load', async () => {
    const backend = new NodeHidBackend({
      load: async () => {
        throw new Error('libusb-1.0.so.0: cannot open shared object file: No such file or directory');
      },
    });
    expect(await backend.probe()).toEqual({
      available: false,
      reason: 'node-hid cannot load: libusb-1.0.so.0: cannot open shared object file: No such file or directory',
    });
    await expect(backend.open('/dev/hidraw0')).rejects.toThrow(/libusb/);
  });
});
