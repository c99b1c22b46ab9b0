import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Device, DeviceStatusAck, DeviceStatusReport, FleetDevice, FleetScreenshot, FleetView, ScreenshotReply, ScreenshotRequest, ScreenshotStored } from '@vitrina/contracts';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { newId, sha256Hex } from '../../shared/ids.js';
import type { DevicesService } from '../devices/index.js';
import type { DeviceReportRow, FleetRepository } from './repository.js';
import { decodeScreenshot } from './screenshot-image.js';

export interface FleetDeps {
  devices: Pick<DevicesService, 'list' | 'get'>;
  /** Emits `device:screenshot-request` to that one device; false when it has no open socket. */
  askScreenshot: (deviceId: string, req: ScreenshotRequest) => boolean;
  /** Folder of the latest screenshot per device (under DATA_DIR). */
  screenshotDir: string;
  screenshotMaxBytes: number;
  screenshotTimeoutMs: number;
  /** An active device not connected and not heard from for longer than this is "silent". */
  silentAfterMinutes: number;
  now?: () => Date;
}

interface Pending {
  deviceId: string;
  resolve: (shot: FleetScreenshot) => void;
  reject: (err: unknown) => void;
  timer: NodeJS.Timeout;
}

/** Kiosks and screens as they report themselves: status, silence alerts, remote screenshots. */
export class FleetService {
  private readonly pending = new Map<string, Pending>();
  private readonly now: () => Date;

  constructor(private readonly repo: FleetRepository, private readonly deps: FleetDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** A device's status report (`device:status`): kept as its last report, stamped with the server's clock. */
  async report(deviceId: string, r: DeviceStatusReport): Promise<DeviceStatusAck> {
    const receivedAt = this.now().toISOString();
    await this.repo.saveReport({
      device_id: deviceId, app_version: r.appVersion, current_item: r.currentItem ? JSON.stringify(r.currentItem) : null,
      cache_state: r.cache ? JSON.stringify(r.cache) : null, uptime_ms: r.uptimeMs, error_count: r.errorCount, reported_at: receivedAt,
    });
    return { receivedAt };
  }

  async view(): Promise<FleetView> {
    const [devices, reports] = await Promise.all([this.deps.devices.list(), this.repo.all()]);
    const byId = new Map(reports.map((r) => [r.device_id, r]));
    const rows = devices.map((d) => this.deviceView(d, byId.get(d.id)));
    return {
      silentAfterMinutes: this.deps.silentAfterMinutes,
      devices: rows,
      alerts: rows.filter((d) => d.silent).map((d) => ({ deviceId: d.id, name: d.name, zoneId: d.zoneId, lastSeenAt: d.lastSeenAt })),
    };
  }

  /**
   * Asks a device for a screenshot and resolves when it arrives (`receiveScreenshot`), or fails
   * with VITRINA_ERR_DEVICE_OFFLINE (no open socket) or VITRINA_ERR_SCREENSHOT_TIMEOUT.
   */
  async requestScreenshot(deviceId: string): Promise<FleetScreenshot> {
    await this.known(deviceId);
    const requestId = newId('shot');
    return new Promise<FleetScreenshot>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new VitrinaError('VITRINA_ERR_SCREENSHOT_TIMEOUT', `The device did not send a screenshot within ${Math.round(this.deps.screenshotTimeoutMs / 1000)} s.`));
      }, this.deps.screenshotTimeoutMs);
      this.pending.set(requestId, { deviceId, resolve, reject, timer });
      if (!this.deps.askScreenshot(deviceId, { requestId })) {
        clearTimeout(timer);
        this.pending.delete(requestId);
        reject(new VitrinaError('VITRINA_ERR_DEVICE_OFFLINE', 'The device is not connected; it cannot take a screenshot.'));
      }
    });
  }

  /**
   * A device's answer (`device:screenshot`). Only an answer to an open request from that same
   * device is taken; the image is checked by content and written to a temp file then renamed,
   * so the stored screenshot is always whole.
   */
  async receiveScreenshot(deviceId: string, reply: ScreenshotReply): Promise<ScreenshotStored> {
    const pending = this.pending.get(reply.requestId);
    if (!pending || pending.deviceId !== deviceId) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', 'No open screenshot request with that id for this device.');
    const settle = (fn: () => void) => {
      clearTimeout(pending.timer);
      this.pending.delete(reply.requestId);
      fn();
    };
    try {
      if (reply.image === null) throw new VitrinaError('VITRINA_ERR_SCREENSHOT_INVALID', `The device could not take a screenshot${reply.failure ? `: ${reply.failure}` : ''}.`);
      const { mime, bytes } = await decodeScreenshot(reply.image, this.deps.screenshotMaxBytes);
      const takenAt = this.now().toISOString();
      await mkdir(this.deps.screenshotDir, { recursive: true });
      const file = this.fileOf(deviceId);
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, file);
      await this.repo.saveScreenshot(deviceId, mime, bytes.length, takenAt);
      settle(() => pending.resolve({ deviceId, takenAt, bytes: bytes.length, image: `data:${mime};base64,${bytes.toString('base64')}` }));
      return { takenAt, bytes: bytes.length };
    } catch (err) {
      settle(() => pending.reject(err));
      throw err;
    }
  }

  async screenshot(deviceId: string): Promise<FleetScreenshot> {
    await this.known(deviceId);
    const row = await this.repo.get(deviceId);
    if (!row?.screenshot_at || !row.screenshot_mime) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', 'No screenshot of this device yet.');
    const bytes = await readFile(this.fileOf(deviceId)).catch(() => null);
    if (!bytes) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', 'The screenshot file is missing.');
    return { deviceId, takenAt: row.screenshot_at, bytes: bytes.length, image: `data:${row.screenshot_mime};base64,${bytes.toString('base64')}` };
  }

  /** Fails every open request (the server is stopping). */
  close(): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new VitrinaError('VITRINA_ERR_UNAVAILABLE', 'The server is stopping.'));
      this.pending.delete(id);
    }
  }

  /** One file per device, named by a hash of its id (never a path a device id could steer). */
  private fileOf(deviceId: string): string {
    return join(this.deps.screenshotDir, `${sha256Hex(deviceId)}.img`);
  }

  /** An unknown id is VITRINA_ERR_NOT_FOUND (not DEVICE_UNKNOWN, a 401 meant for a device's token that would sign the console out). */
  private known(deviceId: string): Promise<Device> {
    return this.deps.devices.get(deviceId);
  }

  private deviceView(d: Device, r: DeviceReportRow | undefined): FleetDevice {
    const seen = [d.lastSeenAt, r?.reported_at ?? null].filter((x): x is string => x !== null).sort().pop() ?? null;
    const silentMs = this.deps.silentAfterMinutes * 60_000;
    const silent = d.status === 'active' && !d.connected && (seen === null || this.now().getTime() - Date.parse(seen) > silentMs);
    return {
      id: d.id, kind: d.kind, name: d.name, zoneId: d.zoneId, status: d.status, connected: d.connected, lastSeenAt: seen, silent,
      appVersion: r?.app_version ?? null,
      currentItem: r?.current_item ? (JSON.parse(r.current_item) as FleetDevice['currentItem']) : null,
      cache: r?.cache_state ? (JSON.parse(r.cache_state) as FleetDevice['cache']) : null,
      uptimeMs: r?.uptime_ms ?? null, errorCount: r?.error_count ?? null, reportedAt: r?.reported_at ?? null, screenshotAt: r?.screenshot_at ?? null,
    };
  }
}
