/**
 * The hardware edge: how the scanner service lists and opens HID devices. The real backend is
 * node-hid 3 through its async API (enumeration and reads run off the event loop); node-hid is
 * imported lazily so a machine without its native library still runs the server, and the
 * backend says why it is unavailable.
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

export interface HidDeviceInfo {
  /** OS path to open the device (/dev/hidrawN on Linux). */
  path: string;
  vendorId: number;
  productId: number;
  product: string | null;
  /** Interface number; composite scanners expose keyboard and POS interfaces side by side. */
  interface: number | null;
  /** Top-level usage of the interface, when the OS tells it. */
  usagePage: number | null;
  usage: number | null;
  /** Raw report descriptor, when it can be read (Linux sysfs); null otherwise. */
  reportDescriptor: Uint8Array | null;
}

export interface HidHandleEvents {
  data: [report: Uint8Array];
  /** A read failed: on real hardware this is how an unplug shows. The handle is dead after it. */
  error: [error: Error];
}

export interface HidHandle {
  on<K extends keyof HidHandleEvents>(event: K, listener: (...args: HidHandleEvents[K]) => void): this;
  off<K extends keyof HidHandleEvents>(event: K, listener: (...args: HidHandleEvents[K]) => void): this;
  close(): Promise<void>;
}

export type HidBackendStatus = { available: true } | { available: false; reason: string };

export interface HidBackend {
  /** Whether devices can be listed at all here, and why not. Cheap after the first call. */
  probe(): Promise<HidBackendStatus>;
  list(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidHandle>;
}

/** What this file uses of node-hid 3.4. */
interface NodeHidDevice {
  path?: string | undefined;
  vendorId: number;
  productId: number;
  product?: string | undefined;
  interface: number;
  usagePage?: number | undefined;
  usage?: number | undefined;
}
interface NodeHidAsync {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  close(): Promise<void>;
}
export interface NodeHidModule {
  devicesAsync(): Promise<NodeHidDevice[]>;
  HIDAsync: { open(path: string, options?: { nonExclusive?: boolean }): Promise<NodeHidAsync> };
}

export interface NodeHidBackendOptions {
  /** How to load node-hid; replaced in tests to load a module that does not exist. */
  load?: () => Promise<NodeHidModule>;
}

async function loadNodeHid(): Promise<NodeHidModule> {
  const mod = (await import('node-hid')) as unknown as NodeHidModule & { default?: NodeHidModule };
  return typeof mod.devicesAsync === 'function' ? mod : (mod.default as NodeHidModule);
}

export class NodeHidBackend implements HidBackend {
  private readonly load: () => Promise<NodeHidModule>;
  private loaded: Promise<{ ok: true; hid: NodeHidModule } | { ok: false; reason: string }> | null = null;

  constructor(options: NodeHidBackendOptions = {}) {
    this.load = options.load ?? loadNodeHid;
  }

  async probe(): Promise<HidBackendStatus> {
    const state = await this.module();
    return state.ok ? { available: true } : { available: false, reason: state.reason };
  }

  async list(): Promise<HidDeviceInfo[]> {
    const hid = await this.require();
    const devices = await hid.devicesAsync();
    const usable = devices.filter((d): d is NodeHidDevice & { path: string } => typeof d.path === 'string' && d.path.length > 0);
    return Promise.all(
      usable.map(async (d) => ({
        path: d.path,
        vendorId: d.vendorId,
        productId: d.productId,
        product: d.product ?? null,
        interface: d.interface >= 0 ? d.interface : null,
        usagePage: d.usagePage ?? null,
        usage: d.usage ?? null,
        reportDescriptor: await readSysfsDescriptor(d.path),
      })),
    );
  }

  async open(path: string): Promise<HidHandle> {
    const hid = await this.require();
    // nonExclusive: the kernel keyboard driver may also hold a keyboard-mode scanner.
    const device = await hid.HIDAsync.open(path, { nonExclusive: true });
    return new NodeHidHandle(device);
  }

  private module(): Promise<{ ok: true; hid: NodeHidModule } | { ok: false; reason: string }> {
    // The first enumeration is where the native library really loads (node-hid binds lazily).
    this.loaded ??= this.load()
      .then(async (hid) => {
        await hid.devicesAsync();
        return { ok: true as const, hid };
      })
      .catch((err: unknown) => ({ ok: false as const, reason: `node-hid cannot load: ${errorMessage(err)}` }));
    return this.loaded;
  }

  private async require(): Promise<NodeHidModule> {
    const state = await this.module();
    if (!state.ok) throw new Error(state.reason);
    return state.hid;
  }
}

class NodeHidHandle extends EventEmitter<HidHandleEvents> implements HidHandle {
  private closed = false;

  constructor(private readonly device: NodeHidAsync) {
    super();
    // A copy: the report outlives node-hid's buffer.
    device.on('data', (data) => this.emit('data', new Uint8Array(data)));
    device.on('error', (err) => {
      // Emitting 'error' with no listener throws, and node-hid re-emits what its listener threw
      // on the next tick: an endless loop. So an error nobody listens for is dropped.
      if (!this.closed && this.listenerCount('error') > 0) this.emit('error', err instanceof Error ? err : new Error(errorMessage(err)));
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.device.close();
  }
}

/** /dev/hidraw3 → /sys/class/hidraw/hidraw3/device/report_descriptor (Linux only). */
async function readSysfsDescriptor(path: string): Promise<Uint8Array | null> {
  if (!/^\/dev\/hidraw\d+$/.test(path)) return null;
  try {
    return new Uint8Array(await readFile(`/sys/class/hidraw/${basename(path)}/device/report_descriptor`));
  } catch {
    return null;
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
