import type { Device, DeviceKind } from '@vitrina/contracts';
import type { Tone } from './tone';
import { formatAgo } from './format';
import { consoleI18n } from './i18n';

/** The URL a newly paired device opens once; the app stores the token and strips it from the address bar. */
export function pairingUrl(origin: string, kind: DeviceKind, token: string): string {
  const app = kind === 'kiosk' ? 'kiosk' : 'signage';
  return `${origin.replace(/\/+$/, '')}/${app}/?token=${encodeURIComponent(token)}`;
}

export interface Presence {
  tone: Tone;
  label: string;
  /** Sort key: online first, then recently seen, revoked last. */
  rank: number;
}

/** Revoked beats everything; otherwise connected, or offline with when it was last seen. */
export function devicePresence(device: Pick<Device, 'status' | 'connected' | 'lastSeenAt'>, now: number = Date.now()): Presence {
  const { t } = consoleI18n.current();
  if (device.status === 'revoked') return { tone: 'neutral', label: t('devices.revoked'), rank: 3 };
  if (device.connected) return { tone: 'ok', label: t('devices.connected'), rank: 0 };
  if (!device.lastSeenAt) return { tone: 'warn', label: t('devices.neverConnected'), rank: 2 };
  return { tone: 'bad', label: t('devices.offlineSeen', { ago: formatAgo(device.lastSeenAt, now) }), rank: 1 };
}

/** "Kiosk" / "Экран", in the user's language. */
export function kindLabel(kind: DeviceKind): string {
  const { t } = consoleI18n.current();
  return kind === 'kiosk' ? t('devices.kiosk') : t('devices.screen');
}

/** Devices in a stable order: by zone, then presence, then name. */
export function sortDevices(devices: readonly Device[], now: number = Date.now()): Device[] {
  return [...devices].sort(
    (a, b) => a.zoneId.localeCompare(b.zoneId) || devicePresence(a, now).rank - devicePresence(b, now).rank || a.name.localeCompare(b.name),
  );
}
