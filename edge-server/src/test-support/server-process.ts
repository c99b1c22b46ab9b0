import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM, then waits for the process to exit. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The real edge server in its own process (as `npm start` runs it), for browser tests and
 * benchmarks. Resolves once GET /api/health answers 200.
 */
export async function spawnEdgeServer(opts: { port: number; dataDir: string; env?: Record<string, string>; quiet?: boolean }): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'edge-server/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(opts.port), HOST: '127.0.0.1', DATA_DIR: opts.dataDir, LOG_LEVEL: 'warn', ...opts.env },
    // A quiet server keeps stdout free for a benchmark's JSON lines.
    stdio: ['ignore', opts.quiet ? 'ignore' : 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${opts.port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`edge server exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    if (i > 600) {
      child.kill('SIGKILL');
      throw new Error('edge server did not become healthy in 120 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    },
  };
}
