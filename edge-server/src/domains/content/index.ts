import fp from 'fastify-plugin';
import { handle } from '../../platform/realtime/validate.js';
import { ContentRepository } from './repository.js';
import { contentRoutes } from './routes.js';
import { ContentService } from './service.js';
import { Type } from 'typebox';

declare module 'fastify' {
  interface FastifyInstance {
    content: ContentService;
  }
}

export default fp(
  async (app) => {
    const content = new ContentService(
      new ContentRepository(app.db),
      async (id) => (await app.devices.listZones()).some((z) => z.id === id),
      (zoneId, playlist) => app.realtime.playlistChanged(zoneId, playlist),
    );
    app.decorate('content', content);
    await app.register(contentRoutes, { prefix: '/api/v1' });
    // Screens ask for their zone's playlist over their socket.
    app.realtime.signage.on('connection', (socket) => {
      socket.on('signage:playlist', handle(Type.Object({}, { additionalProperties: false }), () => content.playlist(socket.data.device.zone_id), app.log));
    });
  },
  { name: 'content', dependencies: ['db', 'devices', 'realtime'] },
);
