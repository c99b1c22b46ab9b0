import { useEffect, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type { DeviceHello, ErrorCode, KioskClientToServer, KioskServerToClient } from '@vitrina/contracts';

export type KioskSocket = Socket<KioskServerToClient, KioskClientToServer>;
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'unpaired';

/** Handshake refusals that mean "this device needs a (new) pairing token". */
const PAIRING_REFUSALS: readonly string[] = [
  'VITRINA_ERR_DEVICE_UNKNOWN',
  'VITRINA_ERR_DEVICE_REVOKED',
  'VITRINA_ERR_NOT_PAIRED',
  'VITRINA_ERR_UNAUTHORIZED',
] satisfies ErrorCode[];

export interface DeviceConnection {
  socket: KioskSocket | null;
  status: ConnectionStatus;
  /** Why the server refused this device, when it did. */
  refusal: ErrorCode | null;
  hello: DeviceHello | null;
}

/**
 * One socket.io connection to the /kiosk namespace, authenticated with the pairing token.
 * socket.io reconnects by itself after network trouble; a refused handshake stops it
 * (the server's middleware said no) and the page asks staff for a new token.
 */
export function useDeviceSocket(token: string | null): DeviceConnection {
  const [conn, setConn] = useState<DeviceConnection>({ socket: null, status: token ? 'connecting' : 'unpaired', refusal: null, hello: null });

  useEffect(() => {
    if (!token) {
      setConn({ socket: null, status: 'unpaired', refusal: null, hello: null });
      return;
    }
    const socket: KioskSocket = io('/kiosk', { auth: { token } });
    setConn({ socket, status: 'connecting', refusal: null, hello: null });
    const update = (patch: Partial<DeviceConnection>) => setConn((c) => ({ ...c, ...patch }));
    socket.on('connect', () => update({ status: 'online', refusal: null }));
    socket.on('disconnect', () => update({ status: 'offline' }));
    socket.on('device:hello', (hello) => update({ hello }));
    socket.on('connect_error', (err) => {
      if (PAIRING_REFUSALS.includes(err.message)) {
        socket.disconnect();
        update({ status: 'unpaired', refusal: err.message as ErrorCode });
      } else {
        update({ status: 'offline' });
      }
    });
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [token]);

  return conn;
}
