import type { Database } from '../../platform/db/database.js';

export interface DeviceReportRow {
  device_id: string;
  app_version: string | null;
  current_item: string | null;
  cache_state: string | null;
  uptime_ms: number | null;
  error_count: number | null;
  reported_at: string | null;
  screenshot_mime: string | null;
  screenshot_bytes: number | null;
  screenshot_at: string | null;
}

/** `device_reports`: each device's last status report and the facts of its latest screenshot. */
export class FleetRepository {
  constructor(private readonly db: Database) {}

  all(): Promise<DeviceReportRow[]> {
    return this.db.all<DeviceReportRow>('SELECT * FROM device_reports');
  }

  get(deviceId: string): Promise<DeviceReportRow | undefined> {
    return this.db.get<DeviceReportRow>('SELECT * FROM device_reports WHERE device_id = ?', [deviceId]);
  }

  async saveReport(r: Pick<DeviceReportRow, 'device_id' | 'app_version' | 'current_item' | 'cache_state' | 'uptime_ms' | 'error_count' | 'reported_at'>): Promise<void> {
    await this.db.run(
      `INSERT INTO device_reports (device_id, app_version, current_item, cache_state, uptime_ms, error_count, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(device_id) DO UPDATE SET app_version = excluded.app_version, current_item = excluded.current_item, cache_state = excluded.cache_state,
         uptime_ms = excluded.uptime_ms, error_count = excluded.error_count, reported_at = excluded.reported_at`,
      [r.device_id, r.app_version, r.current_item, r.cache_state, r.uptime_ms, r.error_count, r.reported_at],
    );
  }

  async saveScreenshot(deviceId: string, mime: string, bytes: number, at: string): Promise<void> {
    await this.db.run(
      `INSERT INTO device_reports (device_id, screenshot_mime, screenshot_bytes, screenshot_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(device_id) DO UPDATE SET screenshot_mime = excluded.screenshot_mime, screenshot_bytes = excluded.screenshot_bytes, screenshot_at = excluded.screenshot_at`,
      [deviceId, mime, bytes, at],
    );
  }
}
