import type { Playlist, ScreenSnapshot, SignageBoards } from '@vitrina/contracts';

/**
 * Every cross-domain reaction in the edge server, by name. Publishers and listeners import this
 * map (not each other); the composition root wires the listeners.
 */
export interface DomainEvents {
  /** Receipts were written (till, batch, import): aggregates built on purchases are stale. */
  'purchases:changed': { receipts: number; source: 'till' | 'batch' | 'import' };
  /** A device was paired (console or demo seed): a kiosk's simulated scanner can be bound to it. */
  'devices:paired': { deviceId: string; kind: 'kiosk' | 'screen' };
  /** A device lost its pairing: its open sockets must close now. */
  'devices:revoked': { deviceId: string };
  /** A zone's playlist was published: its screens switch to it. */
  'content:playlist-published': { zoneId: string; playlist: Playlist };
  /** A zone's schedule, one of its layouts or an emergency changed: its screens get the new snapshot. */
  'content:snapshot-published': { zoneId: string; snapshot: ScreenSnapshot };
  /** The data on a zone's offers/price boards changed: its screens redraw them without a new snapshot. */
  'content:boards-changed': { zoneId: string; boards: SignageBoards };
  /** Live offers changed (campaign status, a new campaign offer): cached offer lists are stale. */
  'offers:changed': Record<string, never>;
}
