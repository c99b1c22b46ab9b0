/**
 * ScannerService: binds configured scanners to kiosks, opens them through a HidBackend, decodes
 * their reports and emits `scan` / `scan-error` events. Enumeration is polled so an unplugged
 * scanner is reopened when it comes back, at the same path or (bound by vendor/product) another.
 * Scan codes are card numbers: they are emitted, never logged.
 */
import { EventEmitter } from 'node:events';
import type { ErrorCode, Health } from '@vitrina/contracts';
import type { ScannerBinding } from './bindings.js';
import { createDecoder } from './decoders/create.js';
import { summarizeReportDescriptor, usageFitsLayout } from './decoders/report-descriptor.js';
import type { DecodeOutput, ScanDecoder } from './decoders/types.js';
import { errorMessage, type HidBackend, type HidDeviceInfo, type HidHandle } from './hid-backend.js';

export interface ScanEvent {
  kioskId: string;
  code: string;
  symbology: string | null;
  at: Date;
}

export interface ScanErrorEvent {
  kioskId: string;
  code: ErrorCode;
  message: string;
}

export interface ScannerDeviceEvent {
  kioskId: string;
  path: string;
  connected: boolean;
}

export type ScannerEvents = {
  scan: [event: ScanEvent];
  'scan-error': [event: ScanErrorEvent];
  /** A bound scanner was opened or lost (presence for the console). */
  device: [event: ScannerDeviceEvent];
};

export type ScannerStatus = Health['scanner'];

/** Pino-compatible (Fastify's logger fits). */
export interface ScannerLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface ScannerServiceOptions {
  bindings: readonly ScannerBinding[];
  backend: HidBackend;
  /** How often enumeration is polled to find replugged scanners. */
  pollIntervalMs?: number;
  /** A scan that stops arriving for this long is reported as cut short. */
  burstGapMs?: number;
  /** Milliseconds clock for the decoders' burst gaps. */
  now?: () => number;
  logger?: ScannerLogger;
}

interface BindingState {
  binding: ScannerBinding;
  handle: HidHandle | null;
  path: string | null;
  decoder: ScanDecoder | null;
  /** Why this binding is not connected, for status(). */
  problem: string | null;
}

export const DEFAULT_POLL_INTERVAL_MS = 3000;

export class ScannerService extends EventEmitter<ScannerEvents> {
  private readonly backend: HidBackend;
  private readonly states: BindingState[];
  private readonly pollIntervalMs: number;
  private readonly burstGapMs: number | undefined;
  private readonly now: () => number;
  private readonly logger: ScannerLogger | undefined;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private started = false;
  private unavailable: string | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(options: ScannerServiceOptions) {
    super();
    this.backend = options.backend;
    this.states = options.bindings.map((binding) => ({ binding, handle: null, path: null, decoder: null, problem: null }));
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.burstGapMs = options.burstGapMs;
    this.now = options.now ?? Date.now;
    this.logger = options.logger;
  }

  /** Probes the backend, opens the bound scanners present now and starts polling. Never rejects. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.started = true;
    if (this.states.length === 0) return; // addBinding starts polling when the first scanner is bound
    await this.beginPolling();
  }

  /**
   * Binds one more scanner while running (a kiosk paired after boot gets its simulated scanner).
   * A kiosk that already has a binding keeps it.
   */
  async addBinding(binding: ScannerBinding): Promise<void> {
    if (this.states.some((s) => s.binding.kioskId === binding.kioskId)) return;
    this.states.push({ binding, handle: null, path: null, decoder: null, problem: null });
    if (!this.running) return;
    if (this.timer) await this.refresh();
    else await this.beginPolling();
  }

  private async beginPolling(): Promise<void> {
    const probe = await this.backend.probe().catch((err: unknown) => ({ available: false as const, reason: errorMessage(err) }));
    if (!probe.available) {
      this.unavailable = probe.reason;
      this.logger?.warn({ reason: probe.reason }, 'scanner backend unavailable; scans from USB scanners are off');
      return;
    }
    this.unavailable = null;
    await this.refresh();
    if (!this.running) return;
    this.timer = setInterval(() => void this.refresh(), this.pollIntervalMs);
    this.timer.unref();
  }

  /** Stops polling and closes every open scanner. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.refreshing;
    await Promise.all(this.states.map((s) => this.disconnect(s, null)));
  }

  /** One enumeration pass (the poll runs this): reopen what came back, drop what vanished. */
  refresh(): Promise<void> {
    if (!this.running || this.unavailable !== null) return Promise.resolve();
    this.refreshing ??= this.pass().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  status(): ScannerStatus {
    const devices = this.states.map((s) => ({
      kioskId: s.binding.kioskId,
      path: s.path ?? s.binding.path ?? null,
      connected: s.handle !== null,
      layout: s.binding.layout,
    }));
    if (this.states.length === 0) return { status: 'disabled', reason: 'no scanners configured', devices };
    if (!this.started) return { status: 'unavailable', reason: 'scanner service not started', devices };
    if (this.unavailable !== null) return { status: 'unavailable', reason: this.unavailable, devices };
    const problems = this.states.filter((s) => s.problem !== null).map((s) => `${s.binding.kioskId}: ${s.problem}`);
    return { status: 'ok', reason: problems.length > 0 ? problems.join('; ') : null, devices };
  }

  private async pass(): Promise<void> {
    const at = this.now();
    for (const state of this.states) {
      if (state.decoder) this.deliver(state, state.decoder.expire(at));
    }
    let devices: HidDeviceInfo[];
    try {
      devices = await this.backend.list();
    } catch (err) {
      for (const s of this.states) if (!s.handle) s.problem = `cannot list HID devices: ${errorMessage(err)}`;
      return;
    }
    const present = new Set(devices.map((d) => d.path));
    for (const state of this.states) {
      // Some platforms do not fail the read on unplug; a vanished path means it is gone.
      if (state.handle && state.path !== null && !present.has(state.path)) await this.disconnect(state, 'device disappeared');
    }
    for (const state of this.states) {
      if (!this.running) return;
      if (!state.handle) await this.connect(state, devices);
    }
  }

  private async connect(state: BindingState, devices: HidDeviceInfo[]): Promise<void> {
    const { binding } = state;
    const claimed = new Set(this.states.filter((s) => s.handle && s.path !== null).map((s) => s.path));
    const matching = devices.filter((d) => !claimed.has(d.path) && matchesBinding(binding, d));
    // A composite scanner shows several interfaces under one vendor/product id: take the one
    // whose top-level usage fits the layout (POS 0x8C vs keyboard). A path binding is taken as is.
    const fitting = binding.path !== undefined ? matching : matching.filter((d) => usageFitsLayout(binding.layout, ...deviceUsage(d)));
    const device = fitting[0];
    if (!device) {
      state.problem =
        matching.length > 0
          ? `no interface of ${describeBinding(binding)} fits layout ${binding.layout}`
          : `no device matching ${describeBinding(binding)}`;
      return;
    }
    let handle: HidHandle;
    try {
      handle = await this.backend.open(device.path);
    } catch (err) {
      state.problem = `cannot open ${device.path}: ${errorMessage(err)}`;
      return;
    }
    if (!this.running) {
      await handle.close().catch(() => undefined);
      return;
    }
    const reportId = binding.reportId ?? (device.reportDescriptor ? summarizeReportDescriptor(device.reportDescriptor).reportIds.length > 0 : false);
    const decoder = createDecoder(binding.layout, {
      reportId,
      ...(binding.terminator ? { terminator: binding.terminator } : {}),
      ...(this.burstGapMs === undefined ? {} : { burstGapMs: this.burstGapMs }),
    });
    Object.assign(state, { handle, path: device.path, decoder, problem: null });
    handle.on('data', (report) => {
      if (state.handle === handle) this.deliver(state, decoder.push(report, this.now()));
    });
    handle.on('error', (err) => {
      if (state.handle === handle) void this.disconnect(state, `read failed: ${err.message}`);
    });
    this.logger?.info({ kioskId: binding.kioskId, path: device.path, layout: binding.layout }, 'scanner connected');
    this.safeEmit('device', { kioskId: binding.kioskId, path: device.path, connected: true });
  }

  private async disconnect(state: BindingState, problem: string | null): Promise<void> {
    const { handle, path } = state;
    state.handle = null;
    state.decoder = null;
    state.problem = problem;
    if (!handle) return;
    await handle.close().catch(() => undefined);
    if (problem) this.logger?.warn({ kioskId: state.binding.kioskId, path, reason: problem }, 'scanner disconnected');
    if (path !== null) this.safeEmit('device', { kioskId: state.binding.kioskId, path, connected: false });
  }

  private deliver(state: BindingState, outputs: DecodeOutput[]): void {
    const kioskId = state.binding.kioskId;
    for (const out of outputs) {
      if (out.ok) this.safeEmit('scan', { kioskId, code: out.code, symbology: out.symbology, at: new Date() });
      else this.safeEmit('scan-error', { kioskId, code: out.code, message: out.message });
    }
  }

  /** A throwing listener must not kill the device's read loop or the poll. */
  private safeEmit<K extends keyof ScannerEvents>(event: K, ...args: ScannerEvents[K]): void {
    try {
      (this.emit as (e: K, ...a: ScannerEvents[K]) => boolean)(event, ...args);
    } catch (err) {
      this.logger?.warn({ event, err: errorMessage(err) }, 'scanner event listener threw');
    }
  }
}

function matchesBinding(binding: ScannerBinding, device: HidDeviceInfo): boolean {
  if (binding.path !== undefined && device.path !== binding.path) return false;
  if (binding.vendorId !== undefined && device.vendorId !== binding.vendorId) return false;
  if (binding.productId !== undefined && device.productId !== binding.productId) return false;
  return true;
}

function deviceUsage(device: HidDeviceInfo): [number | null, number | null] {
  if (device.usagePage !== null) return [device.usagePage, device.usage];
  if (device.reportDescriptor) {
    const summary = summarizeReportDescriptor(device.reportDescriptor);
    return [summary.usagePage, summary.usage];
  }
  return [null, null];
}

function describeBinding(binding: ScannerBinding): string {
  if (binding.path !== undefined) return `path ${binding.path}`;
  const id = (n: number | undefined): string => (n === undefined ? 'any' : `0x${n.toString(16).padStart(4, '0')}`);
  return `vendor ${id(binding.vendorId)} product ${id(binding.productId)}`;
}
