import { Type } from 'typebox';
import type { SignageNamespace } from '../../platform/realtime/realtime.js';
import { handle } from '../../platform/realtime/validate.js';
import type { ContentService } from './service.js';

/** Screens ask for their zone's playlist over their socket. */
export function contentSocketHandlers(signage: SignageNamespace, content: ContentService, log: { error(obj: unknown, msg: string): void }) {
  signage.on('connection', (socket) => {
    socket.on('signage:playlist', handle(Type.Object({}, { additionalProperties: false }), () => content.playlist(socket.data.device.zone_id), log));
  });
}
