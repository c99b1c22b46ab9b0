import { useEffect, useRef } from 'preact/hooks';
import type { DeviceCacheState, DeviceCurrentItem, DeviceStatusReport } from '@vitrina/contracts';
import type { SignageSocket } from '@vitrina/contracts/client';
import { ACK_TIMEOUT_MS } from '../config';
import { errorCount, onErrorCounted } from './error-count';

/** A report at least this often, besides one on every change and on every (re)connect. */
const REPORT_EVERY_MS = 60_000;
const startedAt = performance.now();

export const APP_VERSION: string = import.meta.env['VITE_APP_VERSION'] ?? '0.1.0';

/**
 * Fleet status: app version, the item on screen, the media cache, uptime and errors, sent as
 * `device:status` on connect, whenever the item or cache changes, and every minute.
 */
export function useFleetStatus(socket: SignageSocket | null, currentItem: DeviceCurrentItem | null, cache: DeviceCacheState | null): void {
  const latest = useRef({ currentItem, cache });
  latest.current = { currentItem, cache };
  const sendRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!socket) return;
    const send = () => {
      if (!socket.connected) return;
      const report: DeviceStatusReport = {
        appVersion: APP_VERSION,
        currentItem: latest.current.currentItem,
        cache: latest.current.cache,
        uptimeMs: Math.max(0, Math.round(performance.now() - startedAt)),
        errorCount: errorCount(),
      };
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('device:status', report)
        .catch(() => undefined); // a lost report is replaced by the next one
    };
    sendRef.current = send;
    socket.on('connect', send);
    if (socket.connected) send();
    const every = setInterval(send, REPORT_EVERY_MS);
    const offErrors = onErrorCounted(send);
    return () => {
      socket.off('connect', send);
      clearInterval(every);
      offErrors();
    };
  }, [socket]);

  // On change: the item on screen, or the cache filling up.
  useEffect(() => sendRef.current(), [currentItem?.itemId, cache?.itemsCached, cache?.itemsTotal]);
}
