import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Device, ErrorResponse, PairDeviceRequest, PairDeviceResponse, Zone } from '@vitrina/contracts';
import { Type } from 'typebox';
import type { Guards } from '../auth/index.js';
import type { DevicesService } from './service.js';

export function devicesRoutes({ devices, guard }: { devices: DevicesService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = guard.requireRole('admin', 'marketer', 'staff');
    const admin = guard.requireRole('admin');
    app.get('/zones', { schema: { tags: ['devices'], response: { 200: Type.Array(Zone) } }, preHandler: staff }, () => devices.listZones());
    app.get('/devices', { schema: { tags: ['devices'], response: { 200: Type.Array(Device) } }, preHandler: staff }, () => devices.list());
    app.post('/devices', {
      schema: { tags: ['devices'], body: PairDeviceRequest, response: { 201: PairDeviceResponse, 400: ErrorResponse } },
      preHandler: admin,
    }, async (req, reply) => reply.status(201).send(await devices.pair(req.body)));
    app.post('/devices/:id/revoke', {
      schema: { tags: ['devices'], params: Type.Object({ id: Type.String({ maxLength: 64 }) }), response: { 200: Device, 401: ErrorResponse } },
      preHandler: admin,
    }, (req) => devices.revoke(req.params.id));
  };
}
