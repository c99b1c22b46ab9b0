import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { freePort } from './free-ports.js';

export interface NatsServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * One real nats-server with JetStream (the Debian package's binary) on a free loopback port,
 * its store in a temp folder; for head office's ingest tests (no leaf nodes, no domains).
 */
export async function startNatsServer(bin = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server'): Promise<NatsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-hq-nats-'));
  const { child, url } = await startOnFreePort(bin, dir);
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts nats-server on a free port; when it exits before accepting a connection (another
 * process took the port in between), tries again on a new port, up to 3 times.
 */
async function startOnFreePort(bin: string, dir: string): Promise<{ child: ChildProcess; url: string }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child: ChildProcess = spawn(bin, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir], { stdio: 'ignore' });
    const url = `nats://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        const nc = await connect({ servers: url, reconnect: false });
        await nc.close();
        return { child, url };
      } catch (err) {
        if (child.exitCode !== null && attempt < 3) break;
        if (child.exitCode !== null || i > 600) throw new Error(`nats-server did not start: ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }
}
