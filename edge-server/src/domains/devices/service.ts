import type { Device, PairDeviceRequest, PairDeviceResponse } from '@vitrina/contracts';
import { newId, newToken, nowIso, sha256Hex } from '../../shared/ids.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { DomainEvents } from '../../shared/domain-events.js';
import type { DeviceRow, DevicesRepository } from './repository.js';

/**
 * Pairing, revocation and presence of kiosks and screens. A device proves itself with a
 * bearer token issued at pairing; only the token's SHA-256 is stored.
 */
export class DevicesService {
  /** deviceId → number of open sockets (a device may reconnect before the old socket closes). */
  private readonly connections = new Map<string, number>();

  constructor(private readonly repo: DevicesRepository, private readonly events: EventBus<DomainEvents>) {}

  async pair(req: PairDeviceRequest): Promise<PairDeviceResponse> {
    if (!(await this.repo.zone(req.zoneId))) throw new VitrinaError('VITRINA_ERR_VALIDATION', `Unknown zone "${req.zoneId}".`);
    const token = newToken();
    const row: DeviceRow = {
      id: newId(req.kind === 'kiosk' ? 'kiosk' : 'screen'),
      kind: req.kind,
      name: req.name,
      zone_id: req.zoneId,
      token_hash: sha256Hex(token),
      status: 'active',
      created_at: nowIso(),
      last_seen_at: null,
    };
    await this.repo.insert(row);
    this.events.publish('devices:paired', { deviceId: row.id, kind: row.kind });
    return { device: this.toDevice(row), token };
  }

  /** Demo store / tests: pair with a given id so that scanner bindings can refer to it. */
  async pairWithId(id: string, req: PairDeviceRequest, token = newToken()): Promise<PairDeviceResponse> {
    const row: DeviceRow = { id, kind: req.kind, name: req.name, zone_id: req.zoneId, token_hash: sha256Hex(token), status: 'active', created_at: nowIso(), last_seen_at: null };
    await this.repo.insert(row);
    this.events.publish('devices:paired', { deviceId: row.id, kind: row.kind });
    return { device: this.toDevice(row), token };
  }

  /** Resolves a handshake token to an active device, or throws the reason it is refused. */
  async authenticate(token: unknown, kind: DeviceRow['kind']): Promise<DeviceRow> {
    if (typeof token !== 'string' || token.length < 8 || token.length > 256) throw new VitrinaError('VITRINA_ERR_NOT_PAIRED');
    const row = await this.repo.byTokenHash(sha256Hex(token));
    if (!row || row.kind !== kind) throw new VitrinaError('VITRINA_ERR_DEVICE_UNKNOWN');
    if (row.status === 'revoked') throw new VitrinaError('VITRINA_ERR_DEVICE_REVOKED');
    return row;
  }

  /**
   * Staff unpair a device. An unknown id is VITRINA_ERR_NOT_FOUND (404), not DEVICE_UNKNOWN: that
   * code is a 401 meant for a device's own token, and a 401 signs the console user out.
   */
  async revoke(id: string): Promise<Device> {
    if (!(await this.repo.setStatus(id, 'revoked'))) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No device "${id}".`);
    // Its open sockets close at once (realtime listens), not at the next reconnect.
    this.events.publish('devices:revoked', { deviceId: id });
    return this.get(id);
  }

  async get(id: string): Promise<Device> {
    const row = await this.repo.byId(id);
    if (!row) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No device "${id}".`);
    return this.toDevice(row);
  }

  async list(): Promise<Device[]> {
    return (await this.repo.list()).map((r) => this.toDevice(r));
  }

  listZones() {
    return this.repo.listZones();
  }

  /** A zone named by staff; its id is generated (names may be in any script, ids stay URL-safe). */
  async createZone(name: string) {
    const zone = { id: newId('zone'), name: name.trim() };
    await this.repo.upsertZone(zone.id, zone.name);
    return zone;
  }

  upsertZone(id: string, name: string) {
    return this.repo.upsertZone(id, name);
  }

  async connected(id: string) {
    this.connections.set(id, (this.connections.get(id) ?? 0) + 1);
    await this.repo.touch(id, nowIso());
  }

  async disconnected(id: string) {
    const n = (this.connections.get(id) ?? 1) - 1;
    if (n <= 0) this.connections.delete(id);
    else this.connections.set(id, n);
    await this.repo.touch(id, nowIso());
  }

  isConnected(id: string) {
    return this.connections.has(id);
  }

  async connectedCounts() {
    const rows = await this.repo.list();
    let kiosks = 0;
    let screens = 0;
    for (const r of rows) {
      if (!this.connections.has(r.id)) continue;
      if (r.kind === 'kiosk') kiosks++;
      else screens++;
    }
    return { kiosksConnected: kiosks, screensConnected: screens };
  }

  private toDevice(r: DeviceRow): Device {
    return { id: r.id, kind: r.kind, name: r.name, zoneId: r.zone_id, status: r.status, connected: this.connections.has(r.id), lastSeenAt: r.last_seen_at };
  }
}
