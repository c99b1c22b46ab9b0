import type { Playlist, PlaylistItem } from '@vitrina/contracts';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { ContentRepository } from './repository.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { DomainEvents } from '../../shared/domain-events.js';
import type { DevicesService } from '../devices/index.js';
import { defaultPlaylistItems, type ProgramFacts } from './default-playlist.js';
import type { Formatters } from '@vitrina/contracts';

export class ContentService {
  constructor(
    private readonly repo: ContentRepository,
    private readonly deps: {
      devices: Pick<DevicesService, 'listZones'>;
      events: EventBus<DomainEvents>;
      /** The loyalty program's settings and the store's formatters: the default slides' claims come from them. */
      program: () => Promise<ProgramFacts>;
      format: Pick<Formatters, 'language' | 'money' | 'points' | 'count'>;
    },
  ) {}

  async playlist(zoneId: string): Promise<Playlist> {
    const row = await this.repo.playlist(zoneId);
    if (!row) return { zoneId, version: 'default', items: defaultPlaylistItems(await this.deps.program(), this.deps.format) };
    return { zoneId, version: row.version, items: JSON.parse(row.items) as PlaylistItem[] };
  }

  async publish(zoneId: string, items: PlaylistItem[]): Promise<Playlist> {
    if (!(await this.deps.devices.listZones()).some((z) => z.id === zoneId)) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No zone "${zoneId}".`);
    const ids = new Set(items.map((i) => i.id));
    if (ids.size !== items.length) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'Playlist item ids must be unique.');
    const version = new Date().toISOString();
    await this.repo.save(zoneId, version, JSON.stringify(items));
    const playlist = { zoneId, version, items };
    // The zone's screens switch at once (realtime listens).
    this.deps.events.publish('content:playlist-published', { zoneId, playlist });
    return playlist;
  }
}
