/**
 * A HID backend with devices made in software: the one fake allowed, at the hardware edge.
 * It behaves like node-hid on Linux: listed devices can be opened, reports fed to a device reach
 * every open handle, an unplug makes open handles fail with an error and drops the device from
 * the list, a replug brings it back (possibly at a new path, as a new hidraw node would be).
 */
import { EventEmitter } from 'node:events';
import type { HidBackend, HidBackendStatus, HidDeviceInfo, HidHandle, HidHandleEvents } from './hid-backend.js';

export type SimulatedDeviceInit = Partial<HidDeviceInfo> & { path: string };

interface SimulatedDevice {
  info: HidDeviceInfo;
  plugged: boolean;
  handles: Set<SimulatedHandle>;
}

export class SimulatedHidBackend implements HidBackend {
  private readonly devices = new Map<string, SimulatedDevice>();

  async probe(): Promise<HidBackendStatus> {
    return { available: true };
  }

  async list(): Promise<HidDeviceInfo[]> {
    return [...this.devices.values()].filter((d) => d.plugged).map((d) => ({ ...d.info }));
  }

  async open(path: string): Promise<HidHandle> {
    const device = this.devices.get(path);
    if (!device?.plugged) throw new Error(`cannot open HID device ${path}: no such device`);
    const handle = new SimulatedHandle(() => device.handles.delete(handle));
    device.handles.add(handle);
    return handle;
  }

  /** Plugs in a new device (vendor 0x0c2e / product 0x0b61 and no usage unless given). */
  addDevice(init: SimulatedDeviceInit): HidDeviceInfo {
    if (this.devices.has(init.path)) throw new Error(`a simulated device already sits at ${init.path}`);
    const info: HidDeviceInfo = {
      vendorId: 0x0c2e,
      productId: 0x0b61,
      product: 'Simulated scanner',
      interface: 0,
      usagePage: null,
      usage: null,
      reportDescriptor: null,
      ...init,
    };
    this.devices.set(init.path, { info, plugged: true, handles: new Set() });
    return { ...info };
  }

  /** Delivers one input report to every open handle of the device, as a read would. */
  feed(path: string, report: Uint8Array | readonly number[]): void {
    const device = this.pluggedDevice(path);
    const bytes = Uint8Array.from(report);
    for (const handle of [...device.handles]) handle.deliver(bytes);
  }

  feedAll(path: string, reports: ReadonlyArray<Uint8Array | readonly number[]>): void {
    for (const report of reports) this.feed(path, report);
  }

  /** Pulls the cable: open handles get a read error and die; the device leaves the list. */
  unplug(path: string): void {
    const device = this.pluggedDevice(path);
    device.plugged = false;
    for (const handle of [...device.handles]) handle.fail(new Error('could not read from HID device'));
    device.handles.clear();
  }

  /** Plugs the device back in, at `newPath` when the OS gives it another node. */
  replug(path: string, newPath: string = path): void {
    const device = this.devices.get(path);
    if (!device || device.plugged) throw new Error(`no unplugged simulated device at ${path}`);
    if (newPath !== path) {
      if (this.devices.has(newPath)) throw new Error(`a simulated device already sits at ${newPath}`);
      this.devices.delete(path);
      device.info = { ...device.info, path: newPath };
      this.devices.set(newPath, device);
    }
    device.plugged = true;
  }

  /** How many handles are open on a device (to check that the service closes what it opens). */
  openHandles(path: string): number {
    return this.devices.get(path)?.handles.size ?? 0;
  }

  private pluggedDevice(path: string): SimulatedDevice {
    const device = this.devices.get(path);
    if (!device?.plugged) throw new Error(`no plugged simulated device at ${path}`);
    return device;
  }
}

class SimulatedHandle extends EventEmitter<HidHandleEvents> implements HidHandle {
  private closed = false;

  constructor(private readonly onClose: () => void) {
    super();
  }

  deliver(report: Uint8Array): void {
    if (!this.closed) this.emit('data', report.slice());
  }

  fail(error: Error): void {
    if (this.closed) return;
    this.closed = true;
    // Like node-hid's HIDAsync, the error goes to listeners; with none it must not crash the process.
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }
}
