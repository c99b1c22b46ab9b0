import { Type } from 'typebox';
import { ErrorResponse } from '../errors.js';
import { FleetScreenshot, FleetView } from '../fleet.js';
import { defineRoute } from './define-route.js';

const tags = ['fleet'];
const security = [{ bearer: [] }];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const DeviceParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** Kiosks and screens as they report themselves (`device:status`), silence alerts, remote screenshots. */
export const fleetRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/v1/fleet', tags, security, response: { 200: FleetView, ...errors } }),
  /** Asks the device for a screenshot and answers once it arrived (or 504 after a few seconds; 409 when it is offline). */
  requestScreenshot: defineRoute({
    method: 'POST', path: '/api/v1/fleet/:id/screenshot', tags, security, params: DeviceParams,
    response: { 200: FleetScreenshot, ...errors, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse, 504: ErrorResponse },
  }),
  screenshot: defineRoute({ method: 'GET', path: '/api/v1/fleet/:id/screenshot', tags, security, params: DeviceParams, response: { 200: FleetScreenshot, ...errors, 404: ErrorResponse } }),
};
