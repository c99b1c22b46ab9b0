import { describe, expect, it } from 'vitest';
import type { Device } from '@vitrina/contracts';
import { devicePresence, pairingUrl, sortDevices } from './devices';

const now = Date.parse('2026-11-22T20:00:00Z');
const dev = (over: Partial<Device>): Device => ({ id: 'd', kind: 'kiosk', name: 'D', zoneId: 'z', status: 'active', connected: false, lastSeenAt: null, ...over });

describe('devices', () => {
  it('builds the one-time device URL for the right app', () => {
    expect(pairingUrl('http://store:8080', 'kiosk', 'abc')).toBe('http://store:8080/kiosk/?token=abc');
    expect(pairingUrl('http://store:8080/', 'screen', 'a+b/c')).toBe('http://store:8080/signage/?token=a%2Bb%2Fc');
  });
  it('labels presence: revoked over connected, offline with last seen, never connected', () => {
    expect(devicePresence(dev({ status: 'revoked', connected: true }), now)).toMatchObject({ tone: 'neutral', label: 'Revoked' });
    expect(devicePresence(dev({ connected: true }), now)).toMatchObject({ tone: 'ok', label: 'Connected' });
    expect(devicePresence(dev({ lastSeenAt: '2026-11-22T19:50:00Z' }), now)).toMatchObject({ tone: 'bad', label: 'Offline · seen 10 min ago' });
    expect(devicePresence(dev({}), now)).toMatchObject({ tone: 'warn', label: 'Never connected' });
  });
  it('sorts by zone, then online first, revoked last, then name', () => {
    const list = [
      dev({ id: '1', zoneId: 'b', name: 'A' }),
      dev({ id: '2', zoneId: 'a', name: 'Z', status: 'revoked' }),
      dev({ id: '3', zoneId: 'a', name: 'Y', connected: true }),
      dev({ id: '4', zoneId: 'a', name: 'B', lastSeenAt: '2026-11-22T19:00:00Z' }),
    ];
    expect(sortDevices(list, now).map((d) => d.id)).toEqual(['3', '4', '2', '1']);
  });
});
