import type { Server as HttpServer } from 'node:http';
import { Server, type Namespace, type Socket } from 'socket.io';
import {
  SOCKET_NAMESPACES, SCREENSHOT_MAX_CHARS,
  type KioskClientToServer, type KioskServerToClient, type SignageClientToServer, type SignageServerToClient,
  type KioskSession, type UnknownCard, type SignageTakeover, type ErrorInfo, type Playlist,
  type ScreenSnapshot, type SignageBoards,
} from '@vitrina/contracts';
import { toErrorInfo } from '../errors/vitrina-error.js';

/** The device a socket belongs to, as the handshake proved it. */
export interface DeviceIdentity {
  id: string;
  kind: 'kiosk' | 'screen';
  name: string;
  zone_id: string;
}

export interface DeviceSocketData {
  device: DeviceIdentity;
}
export type KioskNamespace = Namespace<KioskClientToServer, KioskServerToClient, Record<string, never>, DeviceSocketData>;
export type SignageNamespace = Namespace<SignageClientToServer, SignageServerToClient, Record<string, never>, DeviceSocketData>;
export type KioskSocket = Socket<KioskClientToServer, KioskServerToClient, Record<string, never>, DeviceSocketData>;
export type SignageSocket = Socket<SignageClientToServer, SignageServerToClient, Record<string, never>, DeviceSocketData>;

/** What realtime needs from the devices domain, passed in (platform imports no domain). */
export interface DevicePresence {
  /** Resolves a handshake token to an active device of that kind, or throws why it is refused. */
  authenticate(token: unknown, kind: 'kiosk' | 'screen'): Promise<DeviceIdentity>;
  connected(deviceId: string): Promise<void>;
  disconnected(deviceId: string): Promise<void>;
}

/** Pushes to devices. Rooms: `device:<id>` (one kiosk or screen) and `zone:<id>` (a zone's screens). */
export interface DevicePush {
  toKiosk(kioskId: string, event: 'kiosk:session', payload: KioskSession): void;
  toKiosk(kioskId: string, event: 'kiosk:unknown-card', payload: UnknownCard): void;
  toKiosk(kioskId: string, event: 'kiosk:scan-error', payload: ErrorInfo): void;
  takeover(zoneId: string, payload: SignageTakeover): void;
  playlistChanged(zoneId: string, playlist: Playlist): void;
  /** A zone's new signage snapshot (schedule, layouts, emergency). */
  snapshotChanged(zoneId: string, snapshot: ScreenSnapshot): void;
  /** Fresh data for a zone's offers/price boards. */
  boardsChanged(zoneId: string, boards: SignageBoards): void;
  disconnectDevice(deviceId: string): void;
}

export interface Realtime extends DevicePush {
  io: Server;
  kiosk: KioskNamespace;
  signage: SignageNamespace;
  /** Starts serving sockets on the app's HTTP server (the app owns the server). */
  attach(server: HttpServer): void;
  /** Disconnects every device in every namespace, then closes socket.io. */
  close(): Promise<void>;
}

/**
 * socket.io 4 (not fastify-socket.io, which is Fastify 4 only), built before the HTTP server
 * exists and attached to it later, so that services can be handed `DevicePush` at composition.
 * Devices join /kiosk or /signage with their pairing token in the handshake `auth`; unknown or
 * revoked tokens are refused with the error code as the message.
 */
export function createRealtime(presence: DevicePresence, log: { error(obj: unknown, msg: string): void }): Realtime {
  const io = new Server({
    serveClient: false,
    // One message may carry a remote screenshot (a data URL of up to SCREENSHOT_MAX_CHARS) or a
    // proof-of-play batch of up to PLAY_BATCH_MAX rows; anything larger drops the connection.
    maxHttpBufferSize: SCREENSHOT_MAX_CHARS + 256 * 1024,
    pingInterval: 10_000,
    pingTimeout: 8_000,
  });

  const kiosk = io.of(SOCKET_NAMESPACES.kiosk) as unknown as KioskNamespace;
  const signage = io.of(SOCKET_NAMESPACES.signage) as unknown as SignageNamespace;

  for (const [nsp, kind] of [[kiosk, 'kiosk'], [signage, 'screen']] as const) {
    (nsp as Namespace).use(async (socket, next) => {
      try {
        const device = await presence.authenticate((socket.handshake.auth as { token?: unknown } | undefined)?.token, kind);
        socket.data = { device };
        next();
      } catch (err) {
        const info = toErrorInfo(err);
        next(Object.assign(new Error(info.code), { data: info }));
      }
    });
    (nsp as Namespace).on('connection', (socket: Socket) => {
      const device = (socket.data as DeviceSocketData).device;
      void socket.join([`device:${device.id}`, `zone:${device.zone_id}`]);
      void presence.connected(device.id).catch((err) => log.error({ err }, 'presence update failed'));
      socket.emit('device:hello', { deviceId: device.id, name: device.name, zoneId: device.zone_id });
      socket.on('disconnect', () => void presence.disconnected(device.id).catch(() => undefined));
    });
  }

  let closed = false;
  let attached = false;
  const realtime = {
    io,
    kiosk,
    signage,
    attach(server: HttpServer) {
      io.attach(server);
      attached = true;
    },
    toKiosk(kioskId: string, event: string, payload: unknown) {
      (kiosk.to(`device:${kioskId}`) as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);
    },
    takeover: (zoneId: string, payload: SignageTakeover) => signage.to(`zone:${zoneId}`).emit('signage:takeover', payload),
    playlistChanged: (zoneId: string, playlist: Playlist) => signage.to(`zone:${zoneId}`).emit('signage:playlist', playlist),
    snapshotChanged: (zoneId: string, snapshot: ScreenSnapshot) => signage.to(`zone:${zoneId}`).emit('signage:snapshot', snapshot),
    boardsChanged: (zoneId: string, boards: SignageBoards) => signage.to(`zone:${zoneId}`).emit('signage:boards', boards),
    disconnectDevice(deviceId: string) {
      kiosk.in(`device:${deviceId}`).disconnectSockets(true);
      signage.in(`device:${deviceId}`).disconnectSockets(true);
    },
    async close() {
      if (closed) return;
      closed = true;
      // Drop each device's connection under socket.io (engine.io), not with socket.io's DISCONNECT
      // packet: a client told "io server disconnect" never reconnects by itself, and the kiosk and
      // signage apps rely on reconnecting to the next server (found by the attack suite's shutdown probe).
      for (const nsp of io._nsps.values()) for (const socket of nsp.sockets.values()) socket.conn.close();
      // Never attached (seeding, CLI jobs): no engine to close.
      if (attached) await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
  return realtime as Realtime;
}
