import { describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { build } from './test-support/build.js';

const DEVICES = 220;

/** Resolves once `count` sockets have each seen `event` (a state, not a time). */
function everyOnce(sockets: Socket[], event: string) {
  return Promise.all(sockets.map((s) => new Promise<unknown>((resolve) => s.once(event, resolve))));
}

describe('graceful shutdown with devices connected', () => {
  it(`closes with ${DEVICES} screens connected, drops every socket, and the devices come back to the next server only`, async () => {
    const first = await build();
    await first.services.devices.upsertZone('front', 'Front');
    const tokens: string[] = [];
    for (let i = 0; i < DEVICES; i++) tokens.push((await first.services.devices.pairWithId(`screen-${i}`, { kind: 'screen', name: `Screen ${i}`, zoneId: 'front' })).token);
    const address = await first.app.listen({ port: 0, host: '127.0.0.1' });

    // Real socket.io clients that reconnect on their own, as the signage player does (nobody calls connect() again).
    const sockets = tokens.map((token) => io(`${address}/signage`, { auth: { token }, transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 200, forceNew: true }));
    try {
      await everyOnce(sockets, 'device:hello');
      expect((await first.services.devices.connectedCounts()).screensConnected).toBe(DEVICES);

      // Closing must not wait for the devices to leave on their own: the server disconnects them.
      const dropped = everyOnce(sockets, 'disconnect');
      await first.app.close();
      const reasons = await dropped;
      // A transport close, not "io server disconnect": only the first makes a client reconnect by itself.
      expect(reasons.every((r) => r === 'transport close')).toBe(true);

      // The next server on the same port and data: every device reconnects to it.
      const second = await build({ DATA_DIR: first.dataDir });
      const back = everyOnce(sockets, 'device:hello');
      await second.app.listen({ port: Number(new URL(address).port), host: '127.0.0.1' });
      await back;
      expect((await second.services.devices.connectedCounts()).screensConnected).toBe(DEVICES);
    } finally {
      for (const s of sockets) s.close();
    }
  }, 120_000);
});
