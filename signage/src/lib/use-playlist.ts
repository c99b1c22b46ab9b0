import { useEffect, useState } from 'preact/hooks';
import type { Playlist } from '@vitrina/contracts';
import { ACK_TIMEOUT_MS } from '../config';
import { parsePlaylist } from './playlist';
import { loadPlaylist, savePlaylist } from './playlist-store';
import type { SignageSocket } from '@vitrina/contracts/client';

/**
 * The zone's playlist: the cached one at start, then whatever the server answers on each
 * (re)connect or pushes when content changes. Each good playlist is cached for offline starts.
 */
export function usePlaylist(socket: SignageSocket | null): Playlist | null {
  const [playlist, setPlaylist] = useState<Playlist | null>(() => loadPlaylist(window.localStorage));

  useEffect(() => {
    if (!socket) return;
    const accept = (raw: unknown) => {
      const p = parsePlaylist(raw);
      if (!p) return; // a malformed playlist never replaces a working one
      savePlaylist(window.localStorage, p);
      // Same zone and version (e.g. asked again after a reconnect): keep the running loop untouched.
      setPlaylist((cur) => (cur && cur.zoneId === p.zoneId && cur.version === p.version ? cur : p));
    };
    const ask = () => {
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('signage:playlist', {})
        .then((ack) => ack.ok && accept(ack.data))
        .catch(() => undefined); // no answer: keep looping what we have; we ask again on reconnect
    };
    socket.on('connect', ask);
    socket.on('signage:playlist', accept);
    if (socket.connected) ask();
    return () => {
      socket.off('connect', ask);
      socket.off('signage:playlist', accept);
    };
  }, [socket]);

  return playlist;
}
