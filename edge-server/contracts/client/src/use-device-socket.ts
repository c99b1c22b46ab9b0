import { useEffect, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type {
  DeviceHello,
  ErrorCode,
  KioskClientToServer,
  KioskServerToClient,
  SignageClientToServer,
  SignageServerToClient,
} from '@vitrina/contracts';

/** The device namespaces and their event maps, so the namespace alone picks the socket type. */
export interface DeviceNamespaces {
  '/kiosk': Socket<KioskServerToClient, KioskClientToServer>;
  '/signage': Socket<SignageServerToClient, SignageClientToServer>;
}
export type DeviceNamespace = keyof DeviceNamespaces;
export type KioskSocket = DeviceNamespaces['/kiosk'];
export type SignageSocket = DeviceNamespaces['/signage'];
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'unpaired';

/** Handshake refusals that mean "this device needs a (new) pairing token". */
const PAIRING_REFUSALS: readonly string[] = [
  'VITRINA_ERR_DEVICE_UNKNOWN',
  'VITRINA_ERR_DEVICE_REVOKED',
  'VITRINA_ERR_NOT_PAIRED',
  'VITRINA_ERR_UNAUTHORIZED',
] satisfies ErrorCode[];

export interface DeviceConnection<S> {
  socket: S | null;
  status: ConnectionStatus;
  /** Why the server refused this device, when it did. */
  refusal: ErrorCode | null;
  hello: DeviceHello | null;
}

/** What every device namespace sends; the hook only listens to this part of the map. */
type DeviceSocketCore = Socket<{ 'device:hello': (hello: DeviceHello) => void }>;

/**
 * One socket.io connection to a device namespace, authenticated with the pairing token
 * (DeviceAuth). socket.io reconnects by itself after network trouble; a refused handshake
 * stops it (the server's middleware said no) and the page asks staff for a new token.
 */
export function useDeviceSocket<N extends DeviceNamespace>(namespace: N, token: string | null): DeviceConnection<DeviceNamespaces[N]> {
  type Conn = DeviceConnection<DeviceNamespaces[N]>;
  const [conn, setConn] = useState<Conn>({ socket: null, status: token ? 'connecting' : 'unpaired', refusal: null, hello: null });

  useEffect(() => {
    if (!token) {
      setConn({ socket: null, status: 'unpaired', refusal: null, hello: null });
      return;
    }
    const core: DeviceSocketCore = io(namespace, { auth: { token } });
    // Both namespaces' maps include 'device:hello'; the caller gets the full map for its namespace.
    const socket = core as unknown as DeviceNamespaces[N];
    setConn({ socket, status: 'connecting', refusal: null, hello: null });
    const update = (patch: Partial<Conn>) => setConn((c) => ({ ...c, ...patch }));
    core.on('connect', () => update({ status: 'online', refusal: null }));
    core.on('disconnect', () => update({ status: 'offline' }));
    core.on('device:hello', (hello) => update({ hello }));
    core.on('connect_error', (err) => {
      if (PAIRING_REFUSALS.includes(err.message)) {
        core.disconnect();
        update({ status: 'unpaired', refusal: err.message as ErrorCode });
      } else {
        update({ status: 'offline' });
      }
    });
    return () => {
      core.removeAllListeners();
      core.disconnect();
    };
  }, [namespace, token]);

  return conn;
}
