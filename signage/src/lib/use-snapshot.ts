import { useEffect, useState } from 'preact/hooks';
import type { ScreenSnapshot, SignageBoards } from '@vitrina/contracts';
import type { SignageSocket } from '@vitrina/contracts/client';
import { ACK_TIMEOUT_MS } from '../config';
import { parseSnapshot } from './content';
import { loadSnapshot, saveSnapshot } from './snapshot-store';

/**
 * The zone's snapshot (schedule, layouts, boards, 48 h manifest): the stored one at start, then
 * the server's on every (re)connect and every push. `signage:boards` refreshes the data-driven
 * slides without a new snapshot. A malformed snapshot never replaces a working one.
 */
export function useSnapshot(socket: SignageSocket | null): ScreenSnapshot | null {
  const [snapshot, setSnapshot] = useState<ScreenSnapshot | null>(() => loadSnapshot(window.localStorage));

  useEffect(() => {
    if (!socket) return;
    const accept = (raw: unknown) => {
      const s = parseSnapshot(raw);
      if (!s) return;
      saveSnapshot(window.localStorage, s);
      setSnapshot((cur) => (cur && cur.zoneId === s.zoneId && cur.version === s.version && cur.boards.version === s.boards.version ? cur : s));
    };
    const boards = (b: SignageBoards) => {
      setSnapshot((cur) => {
        if (!cur || cur.zoneId !== b.zoneId) return cur;
        const next = { ...cur, boards: b };
        saveSnapshot(window.localStorage, next);
        return next;
      });
    };
    const ask = () => {
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('signage:snapshot', {})
        .then((ack) => ack.ok && accept(ack.data))
        .catch(() => undefined); // no answer: keep the schedule we have; asked again on reconnect
    };
    socket.on('connect', ask);
    socket.on('signage:snapshot', accept);
    socket.on('signage:boards', boards);
    if (socket.connected) ask();
    return () => {
      socket.off('connect', ask);
      socket.off('signage:snapshot', accept);
      socket.off('signage:boards', boards);
    };
  }, [socket]);

  return snapshot;
}
