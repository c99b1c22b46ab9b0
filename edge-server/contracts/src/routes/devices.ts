import { Type } from 'typebox';
import { CreateZoneRequest, Device, PairDeviceRequest, PairDeviceResponse, Zone } from '../devices.js';
import { ErrorResponse } from '../errors.js';
import { defineRoute } from './define-route.js';

const tags = ['devices'];

export const deviceRoutes = {
  zones: defineRoute({ method: 'GET', path: '/api/v1/zones', tags, response: { 200: Type.Array(Zone) } }),
  /** A store that started empty creates its zones before it pairs its first kiosk or screen. */
  createZone: defineRoute({ method: 'POST', path: '/api/v1/zones', tags, body: CreateZoneRequest, response: { 201: Zone, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } }),
  list: defineRoute({ method: 'GET', path: '/api/v1/devices', tags, response: { 200: Type.Array(Device) } }),
  /** Answers the pairing token, once. */
  pair: defineRoute({ method: 'POST', path: '/api/v1/devices', tags, body: PairDeviceRequest, response: { 201: PairDeviceResponse, 400: ErrorResponse } }),
  revoke: defineRoute({
    method: 'POST', path: '/api/v1/devices/:id/revoke', tags,
    params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
    /** 404 for an unknown device id (VITRINA_ERR_NOT_FOUND); 401 only means the caller is not signed in. */
    response: { 200: Device, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
  }),
};
