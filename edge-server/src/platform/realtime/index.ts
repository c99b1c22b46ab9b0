import fp from 'fastify-plugin';
import { Server, type Namespace, type Socket } from 'socket.io';
import {
  SOCKET_NAMESPACES,
  type KioskClientToServer, type KioskServerToClient, type SignageClientToServer, type SignageServerToClient,
  type KioskSession, type UnknownCard, type SignageTakeover, type ErrorInfo, type Playlist,
} from '@vitrina/contracts';
import { toErrorInfo } from '../errors/vitrina-error.js';
import type { DeviceRow } from '../../domains/devices/repository.js';

export interface DeviceSocketData {
  device: DeviceRow;
}
export type KioskNamespace = Namespace<KioskClientToServer, KioskServerToClient, Record<string, never>, DeviceSocketData>;
export type SignageNamespace = Namespace<SignageClientToServer, SignageServerToClient, Record<string, never>, DeviceSocketData>;
export type KioskSocket = Socket<KioskClientToServer, KioskServerToClient, Record<string, never>, DeviceSocketData>;
export type SignageSocket = Socket<SignageClientToServer, SignageServerToClient, Record<string, never>, DeviceSocketData>;

/** Pushes to devices. Rooms: `device:<id>` (one kiosk or screen) and `zone:<id>` (a zone's screens). */
export interface Realtime {
  io: Server;
  kiosk: KioskNamespace;
  signage: SignageNamespace;
  toKiosk(kioskId: string, event: 'kiosk:session', payload: KioskSession): void;
  toKiosk(kioskId: string, event: 'kiosk:unknown-card', payload: UnknownCard): void;
  toKiosk(kioskId: string, event: 'kiosk:scan-error', payload: ErrorInfo): void;
  takeover(zoneId: string, payload: SignageTakeover): void;
  playlistChanged(zoneId: string, playlist: Playlist): void;
  disconnectDevice(deviceId: string): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    realtime: Realtime;
  }
}

/**
 * socket.io 4 on the same HTTP server (not fastify-socket.io, which is Fastify 4 only).
 * Devices join /kiosk or /signage with their pairing token in the handshake `auth`;
 * unknown or revoked tokens are refused with the error code as the message.
 */
export default fp(
  async (app) => {
    const io = new Server(app.server, {
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      pingInterval: 10_000,
      pingTimeout: 8_000,
    });

    const kiosk = io.of(SOCKET_NAMESPACES.kiosk) as unknown as KioskNamespace;
    const signage = io.of(SOCKET_NAMESPACES.signage) as unknown as SignageNamespace;

    for (const [nsp, kind] of [[kiosk, 'kiosk'], [signage, 'screen']] as const) {
      (nsp as Namespace).use(async (socket, next) => {
        try {
          const device = await app.devices.authenticate((socket.handshake.auth as { token?: unknown } | undefined)?.token, kind);
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
        void app.devices.connected(device.id).catch((err) => app.log.error({ err }, 'presence update failed'));
        socket.emit('device:hello', { deviceId: device.id, name: device.name, zoneId: device.zone_id });
        socket.on('disconnect', () => void app.devices.disconnected(device.id).catch(() => undefined));
      });
    }

    const realtime: Realtime = {
      io,
      kiosk,
      signage,
      toKiosk(kioskId: string, event: string, payload: unknown) {
        (kiosk.to(`device:${kioskId}`) as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);
      },
      takeover: (zoneId, payload) => signage.to(`zone:${zoneId}`).emit('signage:takeover', payload),
      playlistChanged: (zoneId, playlist) => signage.to(`zone:${zoneId}`).emit('signage:playlist', playlist),
      disconnectDevice(deviceId) {
        kiosk.in(`device:${deviceId}`).disconnectSockets(true);
        signage.in(`device:${deviceId}`).disconnectSockets(true);
      },
    } as Realtime;
    app.decorate('realtime', realtime);
    app.addHook('preClose', async () => {
      io.disconnectSockets(true);
    });
    app.addHook('onClose', async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
    });
  },
  { name: 'realtime', dependencies: ['devices'] },
);
