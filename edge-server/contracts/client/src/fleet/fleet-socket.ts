import type { Socket } from 'socket.io-client';
import type { KioskClientToServer, KioskServerToClient } from '@vitrina/contracts';
import type { KioskSocket, SignageSocket } from '../use-device-socket';

type FleetServerToClient = Pick<KioskServerToClient, 'device:screenshot-request'>;
type FleetClientToServer = Pick<KioskClientToServer, 'device:status' | 'device:screenshot'>;

/**
 * The part of a kiosk's or a screen's socket the fleet uses: both namespaces carry
 * `device:status`, `device:screenshot-request` and `device:screenshot` with the same payloads
 * (events.ts), so one narrow view serves both.
 */
export type FleetSocket = Socket<FleetServerToClient, FleetClientToServer>;

export function fleetSocketOf(socket: KioskSocket | SignageSocket): FleetSocket {
  return socket as unknown as FleetSocket;
}
