import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnEdgeServer } from '../src/test-support/server-process.js';

export interface DemoInfo {
  admin: { username: string; password: string };
  devices: Array<{ id: string; kind: 'kiosk' | 'screen'; zoneId: string; token: string; url: string }>;
}

export interface RunningServer {
  url: string;
  demo: DemoInfo;
  device(id: string): DemoInfo['devices'][number];
  /** Calls the API as the demo admin (to compare what a page shows with what the server says). */
  api<T>(path: string): Promise<T>;
  /** Feeds raw HID reports into the simulated scanner bound to a kiosk. */
  scan(kioskId: string, reports: Uint8Array[]): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the real edge server (demo store, simulated scanners) in its own process. */
export async function startServer(port: number): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-e2e-'));
  const server = await spawnEdgeServer({ port, dataDir, env: { SCANNER_SIMULATOR: 'true', TAKEOVER_MS: '8000' } });
  const { url } = server;
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as DemoInfo;
  const login = (await (await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(demo.admin) })).json()) as { token: string };
  let stopped = false;
  return {
    url,
    demo,
    async api<T>(path: string) {
      const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${login.token}` } });
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      return (await res.json()) as T;
    },
    device: (id) => {
      const d = demo.devices.find((x) => x.id === id);
      if (!d) throw new Error(`no demo device ${id}`);
      return d;
    },
    async scan(kioskId, reports) {
      const res = await fetch(`${url}/api/v1/dev/scanners/${kioskId}/reports`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reports: reports.map((r) => [...r]) }),
      });
      if (res.status !== 202) throw new Error(`scan refused: ${res.status} ${await res.text()}`);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
