import { Type } from 'typebox';
import type { SignageNamespace } from '../../platform/realtime/realtime.js';
import { handle } from '../../platform/realtime/validate.js';
import type { ContentService } from './service.js';
import type { SignageService } from './signage-service.js';

const Empty = Type.Object({}, { additionalProperties: false });

/** Screens ask for their zone's classic playlist or its snapshot over their socket. */
export function contentSocketHandlers(signage: SignageNamespace, content: ContentService, snapshots: SignageService, log: { error(obj: unknown, msg: string): void }) {
  signage.on('connection', (socket) => {
    socket.on('signage:playlist', handle(Empty, () => content.playlist(socket.data.device.zone_id), log));
    socket.on('signage:snapshot', handle(Empty, () => snapshots.snapshot(socket.data.device.zone_id), log));
  });
}
