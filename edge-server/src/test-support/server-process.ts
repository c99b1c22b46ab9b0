import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Preloaded into the server process: tells the parent (over the IPC channel) which port the
 * server listens on. With PORT=0 the OS picks a free port at bind time, so two servers can
 * never collide, but only the child knows the number; net's listen tracing channel reports
 * it without touching the server's code.
 */
const REPORT_PORT = `import dc from 'node:diagnostics_channel';
dc.subscribe('tracing:net.server.listen:asyncEnd', ({ server }) => {
  const a = server.address();
  if (a && typeof a === 'object' && process.connected) process.send({ listeningOn: a.port });
});`;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM, then waits for the process to exit. Safe to call twice. */
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * The real edge server in its own process (as `npm start` runs it), for browser tests and
 * benchmarks. Resolves once GET /api/health answers 200.
 *
 * `port` 0 (the default) lets the OS pick a free port; the url carries the one it picked.
 * `timeoutMs` bounds the whole start, including seeding an empty DATA_DIR with the demo store
 * (that happens before the server listens and can take minutes on a slow machine).
 */
export async function spawnEdgeServer(opts: {
  port?: number;
  dataDir: string;
  env?: Record<string, string>;
  quiet?: boolean;
  /** Pipe stdout and stderr to the caller (child.stdout/stderr) instead of inheriting them. */
  capture?: boolean;
  timeoutMs?: number;
  /** What answers 200 once it is ready (head office has no /api/health). */
  healthPath?: string;
}): Promise<ServerProcess> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(REPORT_PORT)}`, 'edge-server/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(opts.port ?? 0), HOST: '127.0.0.1', DATA_DIR: opts.dataDir, LOG_LEVEL: 'warn', ...opts.env },
    // A quiet server keeps stdout free for a benchmark's JSON lines.
    stdio: opts.capture ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', opts.quiet ? 'ignore' : 'inherit', 'inherit', 'ipc'],
  });
  const stop = async () => {
    if (exited(child)) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  };

  const deadline = Date.now() + timeoutMs;
  const tooLate = () => new Error(`edge server did not become healthy in ${timeoutMs / 1000} s`);
  let timer: NodeJS.Timeout | undefined;
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.on('message', (m: { listeningOn?: number }) => typeof m?.listeningOn === 'number' && resolve(m.listeningOn));
      child.once('exit', (code, signal) => reject(new Error(`edge server exited with ${code ?? signal}`)));
      timer = setTimeout(() => reject(tooLate()), timeoutMs);
    });
    if (child.connected) child.disconnect(); // an open IPC channel would keep this process alive
    const url = `http://127.0.0.1:${port}`;
    while (!(await fetch(`${url}${opts.healthPath ?? '/api/health'}`).then((r) => r.ok, () => false))) {
      if (exited(child)) throw new Error(`edge server exited with ${child.exitCode ?? child.signalCode}`);
      if (Date.now() > deadline) throw tooLate();
      await new Promise((r) => setTimeout(r, 200));
    }
    return { url, child, stop };
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
