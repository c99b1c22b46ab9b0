import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Device, ErrorResponse, PairDeviceRequest, PairDeviceResponse, Zone } from '@vitrina/contracts';
import { Type } from 'typebox';

export const devicesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = app.requireRole('admin', 'marketer', 'staff');
  const admin = app.requireRole('admin');

  app.get('/zones', { schema: { tags: ['devices'], response: { 200: Type.Array(Zone) } }, preHandler: staff }, () => app.devices.listZones());

  app.get('/devices', { schema: { tags: ['devices'], response: { 200: Type.Array(Device) } }, preHandler: staff }, () => app.devices.list());

  app.post('/devices', {
    schema: { tags: ['devices'], body: PairDeviceRequest, response: { 201: PairDeviceResponse, 400: ErrorResponse } },
    preHandler: admin,
  }, async (req, reply) => reply.status(201).send(await app.devices.pair(req.body)));

  app.post('/devices/:id/revoke', {
    schema: { tags: ['devices'], params: Type.Object({ id: Type.String({ maxLength: 64 }) }), response: { 200: Device, 401: ErrorResponse } },
    preHandler: admin,
  }, async (req) => {
    const device = await app.devices.revoke(req.params.id);
    app.realtime?.disconnectDevice(device.id);
    return device;
  });
};
