import { useEffect, useRef } from 'preact/hooks';
import type { DeviceCacheState, DeviceCurrentItem, DeviceStatusReport } from '@vitrina/contracts';
import type { KioskSocket, SignageSocket } from '../use-device-socket';
import { fleetSocketOf } from './fleet-socket';
import { errorCount, onErrorCounted } from './error-count';

/** A report at least this often, besides one on every change and on every (re)connect. */
const REPORT_EVERY_MS = 60_000;
const startedAt = performance.now();

/**
 * Fleet status of a kiosk or a screen: app version, the item on screen, the media cache (null
 * for a kiosk), uptime and errors, sent as `device:status` on connect, whenever the item or the
 * cache changes, and every minute. A lost report is replaced by the next one.
 */
export function useFleetStatus(
  deviceSocket: KioskSocket | SignageSocket | null,
  appVersion: string,
  ackTimeoutMs: number,
  currentItem: DeviceCurrentItem | null,
  cache: DeviceCacheState | null,
): void {
  const latest = useRef({ currentItem, cache });
  latest.current = { currentItem, cache };
  const sendRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!deviceSocket) return;
    const socket = fleetSocketOf(deviceSocket);
    const send = () => {
      if (!socket.connected) return;
      const report: DeviceStatusReport = {
        appVersion,
        currentItem: latest.current.currentItem,
        cache: latest.current.cache,
        uptimeMs: Math.max(0, Math.round(performance.now() - startedAt)),
        errorCount: errorCount(),
      };
      socket.timeout(ackTimeoutMs).emitWithAck('device:status', report).catch(() => undefined);
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
  }, [deviceSocket, appVersion, ackTimeoutMs]);

  // On change: the item on screen, or the cache filling up.
  useEffect(() => sendRef.current(), [currentItem?.itemId, cache?.itemsCached, cache?.itemsTotal]);
}
