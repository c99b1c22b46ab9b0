/**
 * Probe `fuzz-socket`: every client→server event of the contracts (events.ts) on /kiosk and
 * /signage, emitted with malformed payloads (with and without an ack callback), plus hostile
 * handshake tokens and events no contract declares. Asserts: every ack to a payload that breaks
 * the schema is `{ ok: false, error: { code: VITRINA_ERR_* } }`, every ack is well formed, no
 * connected device is dropped, the server stays up and still answers a valid request.
 */
import { Type, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { io, type Socket } from 'socket.io-client';
import { ClipRequest, EndSessionRequest, EnrollRequest, IdentifyRequest } from '@vitrina/contracts';
import { connectDevice } from '../src/test-support/sockets.js';
import { alive, report, startStore } from './harness.js';
import { HOSTILE, HUGE, badBodies, type JsonSchema } from './generate.js';

/** The inbound events of KioskClientToServer / SignageClientToServer, with their runtime schemas. */
const EVENTS: Array<{ nsp: '/kiosk' | '/signage'; event: string; schema: TSchema }> = [
  { nsp: '/kiosk', event: 'kiosk:identify', schema: IdentifyRequest },
  { nsp: '/kiosk', event: 'kiosk:clip', schema: ClipRequest },
  { nsp: '/kiosk', event: 'kiosk:end', schema: EndSessionRequest },
  { nsp: '/kiosk', event: 'kiosk:enroll', schema: EnrollRequest },
  { nsp: '/signage', event: 'signage:playlist', schema: Type.Object({}, { additionalProperties: false }) },
];

// A generous identify rate so the fuzz reaches validation and the handlers, not only the throttle.
const store = await startStore({ SCAN_RATE_PER_KIOSK: '10000' });
const kioskToken = store.demo.devices.find((d) => d.kind === 'kiosk')!.token;
const screenToken = store.demo.devices.find((d) => d.kind === 'screen')!.token;
const sockets = { '/kiosk': await connectDevice(store.url, '/kiosk', kioskToken), '/signage': await connectDevice(store.url, '/signage', screenToken) };
let disconnects = 0;
for (const s of Object.values(sockets)) s.on('disconnect', (reason) => { if (reason === 'io client disconnect') return; /* our own close at the end */ disconnects++; note(`disconnected (${reason}) after ${emitted} emits`); });

let emitted = 0, acks = 0, badAcks = 0, acceptedInvalid = 0, ackTimeouts = 0;
const samples: string[] = [];
const note = (s: string) => { if (samples.length < 10) samples.push(s.slice(0, 200)); };
type AnyAck = { ok?: boolean; data?: unknown; error?: { code?: string } } | null;
const wellFormed = (a: AnyAck) => (a?.ok === true && a.data !== undefined) || (a?.ok === false && /^VITRINA_ERR_[A-Z_]+$/.test(a?.error?.code ?? ''));

const started = Date.now();
for (const { nsp, event, schema } of EVENTS) {
  const socket = sockets[nsp];
  // A frame over the server's maxHttpBufferSize (64 KiB) drops that connection by design, so
  // over-size frames are tried once on a throwaway socket below, not here.
  const payloads = [...badBodies(schema as JsonSchema), undefined, HUGE.slice(0, 60_000), ...HOSTILE].filter((p) => (JSON.stringify(p) ?? '').length < 63_000);
  for (const payload of payloads) {
    // Without an ack: a handler must not throw when there is nobody to answer.
    socket.emit(event, payload);
    // Several arguments, a function where data belongs.
    socket.emit(event, payload, 'extra', 42);
    emitted += 2;
    let ack: AnyAck;
    try {
      ack = (await socket.timeout(3000).emitWithAck(event, payload)) as AnyAck;
    } catch {
      ackTimeouts++;
      note(`no ack: ${event} ${JSON.stringify(payload)?.slice(0, 80)}`);
      continue;
    }
    emitted++;
    acks++;
    if (!wellFormed(ack)) { badAcks++; note(`malformed ack ${event} ${JSON.stringify(ack)}`); }
    else if (!Value.Check(schema, payload) && ack?.ok !== false) { acceptedInvalid++; note(`accepted ${event} ${JSON.stringify(payload)?.slice(0, 80)}`); }
  }
}
// Events no contract declares, and an ack callback as the only argument.
for (const s of Object.values(sockets)) {
  for (const e of ['kiosk:unknown', 'admin:erase', '__proto__', 'constructor', 'x'.repeat(10_000)]) { s.emit(e, { a: 1 }); emitted++; }
  s.emit('kiosk:identify', () => undefined);
  emitted++;
}
// An over-size frame: that one socket is dropped, nobody else is.
const throwaway = await connectDevice(store.url, '/kiosk', kioskToken);
throwaway.emit('kiosk:identify', { code: HUGE, source: 'keypad' });
const oversizeDropped = await new Promise<boolean>((r) => { throwaway.once('disconnect', () => r(true)); setTimeout(() => r(false), 3000); });
throwaway.close();

// Hostile handshakes: every one must be refused, none may take the server down.
let handshakesRefused = 0;
const hostileTokens: unknown[] = ['', 'x'.repeat(100_000), { $ne: null }, ['a'], '__proto__', kioskToken.slice(0, -1), screenToken];
for (const token of hostileTokens) {
  const s: Socket = io(`${store.url}/kiosk`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  // Refused = never connected: a connect_error, or (a token over the frame limit) the transport dropped.
  const refused = await new Promise<boolean>((r) => { s.once('connect', () => r(false)); s.once('connect_error', () => r(true)); setTimeout(() => r(true), 3000); });
  if (refused) handshakesRefused++; else note(`handshake accepted: ${JSON.stringify(token).slice(0, 40)}`);
  s.close();
}

// Still serving: a valid keypad identify answers, the server process is alive.
const valid = (await sockets['/kiosk'].timeout(3000).emitWithAck('kiosk:identify', { code: '4600000000003', source: 'keypad' }).catch(() => null)) as AnyAck;
const stillServing = wellFormed(valid) && alive(store.server) && (await fetch(`${store.url}/api/health`)).status === 200;
for (const s of Object.values(sockets)) s.close();
await store.close();

report('fuzz-socket', badAcks === 0 && acceptedInvalid === 0 && ackTimeouts === 0 && disconnects === 0 && oversizeDropped && handshakesRefused === hostileTokens.length && stillServing, {
  events: EVENTS.length, emitted, acks, malformed_acks: badAcks, invalid_payloads_accepted: acceptedInvalid, ack_timeouts: ackTimeouts,
  disconnects, oversize_frame_dropped_only_its_socket: oversizeDropped, hostile_handshakes_refused: `${handshakesRefused}/${hostileTokens.length}`, server_alive: stillServing, seconds: Math.round((Date.now() - started) / 1000), samples,
});
