import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface EdgeServer {
  url: string;
  admin: { username: string; password: string };
  devices: { id: string; kind: 'kiosk' | 'screen'; zoneId: string; token: string; url: string }[];
  /** Calls the API as the demo admin (to compare what the console shows with what the server says). */
  api<T>(path: string): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts the real edge server on a fresh demo store in its own process. The console must have
 * been built first (the server serves console/dist only if it exists at start-up).
 */
export async function startEdgeServer(port: number): Promise<EdgeServer> {
  if (!existsSync(join(ROOT, 'edge-server/console/dist/index.html'))) throw new Error('Build the console first: npm run build -w edge-server/console');
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-console-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'edge-server/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`edge server exited with ${child.exitCode}`);
    const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (up) break;
    if (i > 600) throw new Error('edge server did not become healthy in 120 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as Pick<EdgeServer, 'admin' | 'devices'>;
  const login = (await (await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(demo.admin) })).json()) as { token: string };
  return {
    url,
    ...demo,
    async api<T>(path: string) {
      const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${login.token}` } });
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      return (await res.json()) as T;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
