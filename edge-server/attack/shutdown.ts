/**
 * Probe `shutdown`: 220 devices (20 kiosks, 200 screens) connected with reconnecting socket.io
 * clients, then SIGTERM. Asserts: the server exits with code 0 within 10 s and every device is
 * disconnected; a new server on the same data dir and port gets every device back on its own
 * (the old process is gone, so none can still be talking to it).
 */
import { io, type Socket } from 'socket.io-client';
import { api, login, report, sleep, startStore } from './harness.js';

const KIOSKS = 20, SCREENS = 200, EXIT_BOUND_MS = 10_000, RECONNECT_BOUND_MS = 30_000;

const store = await startStore({ LOG_LEVEL: 'warn' });
const admin = await login(store.url, store.demo.admin.username, store.demo.admin.password);
const zones = [...new Set(store.demo.devices.map((d) => d.zoneId))];
const devices: Array<{ kind: 'kiosk' | 'screen'; token: string }> = [];
for (let i = 0; i < KIOSKS + SCREENS; i++) {
  const kind = i < KIOSKS ? 'kiosk' : 'screen';
  const r = await api(store.url, 'POST', '/api/v1/devices', admin, { kind, name: `attack ${kind} ${i}`, zoneId: zones[i % zones.length] });
  if (r.status !== 201) throw new Error(`pairing: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  devices.push({ kind, token: r.body.token });
}

// Reconnecting clients, as the kiosk and signage apps run them.
const port = Number(new URL(store.url).port);
let disconnected = 0, hellos = 0;
const reasons = new Set<string>();
const sockets: Socket[] = await Promise.all(devices.map((d) => new Promise<Socket>((resolve, reject) => {
  const s = io(`${store.url}/${d.kind === 'kiosk' ? 'kiosk' : 'signage'}`, { auth: { token: d.token }, transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 1000, forceNew: true });
  s.once('connect', () => resolve(s));
  s.once('connect_error', reject);
})));
for (const s of sockets) {
  s.on('disconnect', (reason) => { disconnected++; reasons.add(reason); });
  s.on('device:hello', () => hellos++);
}
await sleep(500);
const connectedBefore = sockets.filter((s) => s.connected).length;
hellos = 0;

const oldPid = store.server.child.pid!;
const t0 = performance.now();
const exited = new Promise<number | null>((r) => store.server.child.once('exit', (code) => r(code)));
store.server.child.kill('SIGTERM');
const code = await Promise.race([exited, sleep(EXIT_BOUND_MS * 3).then(() => 'timeout' as const)]);
const exitMs = Math.round(performance.now() - t0);
await sleep(300);
const disconnectedByShutdown = disconnected;
let oldAlive = true;
try { process.kill(oldPid, 0); } catch { oldAlive = false; }

// The new server, same data dir, same port: the devices find it by themselves.
await store.restart({ LOG_LEVEL: 'warn' }, port);
const until = Date.now() + RECONNECT_BOUND_MS;
while (Date.now() < until && sockets.some((s) => !s.connected)) await sleep(200);
const reconnectMs = Math.round(RECONNECT_BOUND_MS - (until - Date.now()));
const reconnected = sockets.filter((s) => s.connected).length;
for (const s of sockets) s.close();
await store.close();

report('shutdown', code === 0 && exitMs <= EXIT_BOUND_MS && connectedBefore === devices.length && disconnectedByShutdown === devices.length && !oldAlive && reconnected === devices.length, {
  devices: devices.length, connected_before: connectedBefore, exit_code: code, exit_ms: exitMs, exit_bound_ms: EXIT_BOUND_MS, disconnected_by_shutdown: disconnectedByShutdown, disconnect_reasons: [...reasons],
  old_process_gone: !oldAlive, reconnected_to_new_server: reconnected, reconnect_ms: reconnectMs, hellos_from_new_server: hellos,
});
