import { Readable } from 'node:stream';
import type { PlayBatchResult, ProofOfPlayQuery, ProofOfPlayReport, SignageTakeover } from '@vitrina/contracts';
import type { DevicePush } from '../../platform/realtime/realtime.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { csvLine } from '../../shared/csv.js';
import { storeDate } from '../../shared/store-time.js';
import type { PlayRow, ProofOfPlayRepository, ReportFilter } from './repository.js';
import { validateBatch } from './validate-batch.js';

export interface ProofOfPlayDeps {
  /** The store's time zone: a play is filed under the store-local day it started. */
  timeZone: string;
  /** How far ahead of the server's clock a device's clock may be before its records are refused. */
  clockSkewMs: number;
  now?: () => Date;
}

const MAX_REPORT_DAYS = 366;
const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** What screens played (as they report it) and the takeovers the server sent, and the report over both. */
export class ProofOfPlayService {
  private readonly now: () => Date;

  constructor(private readonly repo: ProofOfPlayRepository, private readonly deps: ProofOfPlayDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Stores a device's batch: all rows checked first (one bad row refuses the batch, nothing is
   * written), then inserted in one transaction; a record id already stored counts once, so a
   * batch the device re-sends after a lost ack is harmless.
   */
  async accept(deviceId: string, rows: readonly unknown[]): Promise<PlayBatchResult> {
    const now = this.now();
    const records = validateBatch(rows, now.getTime(), this.deps.clockSkewMs);
    const receivedAt = now.toISOString();
    const playRows: PlayRow[] = records.map((r) => ({
      id: r.id.toLowerCase(), device_id: deviceId, zone_id: r.zoneId, item_id: r.itemId, item_name: r.itemName, item_kind: r.itemKind,
      media_hash: r.mediaHash, layout_id: r.layoutId, region_id: r.regionId, reason: r.reason, takeover_id: r.takeoverId,
      started_at: new Date(r.startedAt).toISOString(), ended_at: new Date(r.endedAt).toISOString(),
      duration_ms: Date.parse(r.endedAt) - Date.parse(r.startedAt), day: storeDate(this.deps.timeZone, new Date(r.startedAt)), received_at: receivedAt,
    }));
    const inserted = await this.repo.insertBatch(playRows);
    return { received: records.length, inserted, duplicates: records.length - inserted };
  }

  /** Notes a takeover the server pushed to a zone ("sent", against "shown" from the screens). */
  async takeoverSent(zoneId: string, takeoverId: string): Promise<void> {
    const now = this.now();
    await this.repo.takeoverSent(takeoverId, zoneId, now.toISOString(), storeDate(this.deps.timeZone, now));
  }

  /**
   * Wraps the realtime push so that every `signage:takeover` sent is recorded: the scan use case
   * keeps calling `push.takeover` and knows nothing of proof of play. A failed write is logged,
   * never in the way of the push.
   */
  recordingTakeovers<P extends Pick<DevicePush, 'takeover'>>(push: P, log: { error(obj: unknown, msg: string): void }): P {
    const takeover = (zoneId: string, payload: SignageTakeover) => {
      push.takeover(zoneId, payload);
      this.takeoverSent(zoneId, payload.takeoverId).catch((err: unknown) => log.error({ err }, 'recording a sent takeover failed'));
    };
    return new Proxy(push, { get: (target, key, receiver) => (key === 'takeover' ? takeover : Reflect.get(target, key, receiver) as unknown) });
  }

  async report(q: ProofOfPlayQuery): Promise<ProofOfPlayReport> {
    const f = this.filter(q);
    const [plays, takeovers] = await Promise.all([this.repo.playsByDayZoneItem(f), this.repo.takeoversByDayZone(f)]);
    const items = new Map<string, { itemId: string; itemName: string; itemKind: string; plays: number; ms: number }>();
    const zones = new Map<string, { zoneId: string; plays: number; ms: number; takeoversSent: number; takeoversShown: number }>();
    const days = new Map<string, { day: string; plays: number; ms: number; takeoversSent: number; takeoversShown: number }>();
    const zone = (id: string) => zones.get(id) ?? zones.set(id, { zoneId: id, plays: 0, ms: 0, takeoversSent: 0, takeoversShown: 0 }).get(id)!;
    const day = (d: string) => days.get(d) ?? days.set(d, { day: d, plays: 0, ms: 0, takeoversSent: 0, takeoversShown: 0 }).get(d)!;
    for (const p of plays) {
      const key = `${p.item_id}\u0000${p.item_kind}`;
      const item = items.get(key) ?? items.set(key, { itemId: p.item_id, itemName: p.item_name, itemKind: p.item_kind, plays: 0, ms: 0 }).get(key)!;
      for (const row of [item, zone(p.zone_id), day(p.day)]) {
        row.plays += p.plays;
        row.ms += p.ms;
      }
    }
    for (const t of takeovers) {
      for (const row of [zone(t.zone_id), day(t.day)]) {
        row.takeoversSent += t.sent;
        row.takeoversShown += t.shown;
      }
    }
    const out = <T extends { ms: number }>(r: T) => {
      const { ms, ...rest } = r;
      return { ...rest, seconds: seconds(ms) };
    };
    const dayRows = [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
    return {
      from: f.from, to: f.to, zoneId: f.zoneId,
      totals: {
        plays: dayRows.reduce((s, r) => s + r.plays, 0), seconds: seconds(dayRows.reduce((s, r) => s + r.ms, 0)),
        takeoversSent: dayRows.reduce((s, r) => s + r.takeoversSent, 0), takeoversShown: dayRows.reduce((s, r) => s + r.takeoversShown, 0),
      },
      items: [...items.values()].sort((a, b) => b.plays - a.plays || a.itemId.localeCompare(b.itemId)).map(out),
      zones: [...zones.values()].sort((a, b) => a.zoneId.localeCompare(b.zoneId)).map(out),
      days: dayRows.map(out),
    };
  }

  /** The report's finest grain as CSV: plays per day × zone × item, then takeovers per day × zone. */
  exportCsv(q: ProofOfPlayQuery): Readable {
    const f = this.filter(q);
    const repo = this.repo;
    async function* lines() {
      yield csvLine(['day', 'zone', 'item_id', 'item_name', 'item_kind', 'plays', 'seconds_on_screen', 'takeovers_sent', 'takeovers_shown']);
      for (const p of await repo.playsByDayZoneItem(f)) yield csvLine([p.day, p.zone_id, p.item_id, p.item_name, p.item_kind, p.plays, seconds(p.ms), '', '']);
      for (const t of await repo.takeoversByDayZone(f)) yield csvLine([t.day, t.zone_id, '', '', 'takeover', '', '', t.sent, t.shown]);
    }
    return Readable.from(lines());
  }

  private filter(q: ProofOfPlayQuery): ReportFilter {
    const from = Date.parse(`${q.from}T00:00:00Z`);
    const to = Date.parse(`${q.to}T00:00:00Z`);
    if (Number.isNaN(from) || Number.isNaN(to) || new Date(from).toISOString().slice(0, 10) !== q.from || new Date(to).toISOString().slice(0, 10) !== q.to) {
      throw new VitrinaError('VITRINA_ERR_VALIDATION', 'from and to must be real days (YYYY-MM-DD).');
    }
    if (to < from) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'to is before from.');
    if ((to - from) / 86_400_000 >= MAX_REPORT_DAYS) throw new VitrinaError('VITRINA_ERR_VALIDATION', `A report covers at most ${MAX_REPORT_DAYS} days.`);
    return { from: q.from, to: q.to, zoneId: q.zoneId ?? null };
  }
}
