import { createServer, type Server } from 'node:net';

/**
 * Free TCP ports on loopback for servers that must be told a port (nats-server's leafnode
 * listener does not take port 0). All `n` are held open until every one is chosen, so none
 * repeats within a call. Another process can still take a port between this close and the
 * caller's bind: callers that start a server on one retry with new ports when it exits early.
 */
export async function freePorts(n: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const s = createServer();
      servers.push(s);
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(0, '127.0.0.1', resolve);
      });
    }
    return servers.map((s) => (s.address() as { port: number }).port);
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => (s.listening ? s.close(() => resolve()) : resolve()))));
  }
}

export async function freePort(): Promise<number> {
  return (await freePorts(1))[0]!;
}
