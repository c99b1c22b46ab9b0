import { Type } from 'typebox';
import { Id } from '../common.js';
import { ErrorResponse } from '../errors.js';
import {
  Emergency,
  EmergencyList,
  Layout,
  LayoutInput,
  LayoutList,
  LayoutTemplate,
  ScheduleInput,
  ScreenSnapshot,
  StartEmergencyRequest,
  ZoneSchedule,
} from '../signage-content.js';
import { defineRoute } from './define-route.js';

const tags = ['signage'];
const ZoneParams = Type.Object({ zoneId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });
const LayoutParams = Type.Object({ layoutId: Id });
const EmergencyParams = Type.Object({ emergencyId: Id });

/**
 * Signage layouts, per-zone schedules, the emergency override and the screens' snapshot.
 * Every write that changes what a zone plays publishes that zone's new snapshot at once.
 */
export const signageRoutes = {
  templates: defineRoute({ method: 'GET', path: '/api/v1/signage/layout-templates', tags, response: { 200: Type.Object({ templates: Type.Array(LayoutTemplate) }) } }),
  layouts: defineRoute({ method: 'GET', path: '/api/v1/signage/layouts', tags, response: { 200: LayoutList } }),
  layout: defineRoute({ method: 'GET', path: '/api/v1/signage/layouts/:layoutId', tags, params: LayoutParams, response: { 200: Layout, 404: ErrorResponse } }),
  createLayout: defineRoute({
    method: 'POST', path: '/api/v1/signage/layouts', tags, body: LayoutInput,
    response: { 201: Layout, 400: ErrorResponse },
  }),
  /** Replaces a layout; zones whose schedule plays it get a new snapshot. */
  updateLayout: defineRoute({
    method: 'PUT', path: '/api/v1/signage/layouts/:layoutId', tags, params: LayoutParams, body: LayoutInput,
    response: { 200: Layout, 400: ErrorResponse, 404: ErrorResponse },
  }),
  /** Refused (409) while a schedule names the layout. */
  deleteLayout: defineRoute({
    method: 'DELETE', path: '/api/v1/signage/layouts/:layoutId', tags, params: LayoutParams,
    response: { 200: Type.Object({ deleted: Type.Literal(true) }), 404: ErrorResponse, 409: ErrorResponse },
  }),
  schedule: defineRoute({ method: 'GET', path: '/api/v1/zones/:zoneId/schedule', tags, params: ZoneParams, response: { 200: ZoneSchedule, 404: ErrorResponse } }),
  /** Replaces and publishes a zone's schedule: its screens get the new snapshot at once. */
  publishSchedule: defineRoute({
    method: 'PUT', path: '/api/v1/zones/:zoneId/schedule', tags, params: ZoneParams, body: ScheduleInput,
    response: { 200: ZoneSchedule, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
  }),
  /** What the zone's screens hold now (the same as `signage:snapshot`). */
  snapshot: defineRoute({ method: 'GET', path: '/api/v1/zones/:zoneId/snapshot', tags, params: ZoneParams, response: { 200: ScreenSnapshot, 404: ErrorResponse } }),
  emergencies: defineRoute({ method: 'GET', path: '/api/v1/signage/emergencies', tags, response: { 200: EmergencyList } }),
  /** Takes over the chosen zones (or the whole store) at once; 409 when one of them already shows an emergency. */
  startEmergency: defineRoute({
    method: 'POST', path: '/api/v1/signage/emergencies', tags, body: StartEmergencyRequest,
    response: { 201: Emergency, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
  }),
  /** Reverts an emergency: its zones go back to their schedule at once. */
  endEmergency: defineRoute({
    method: 'DELETE', path: '/api/v1/signage/emergencies/:emergencyId', tags, params: EmergencyParams,
    response: { 200: Emergency, 404: ErrorResponse, 409: ErrorResponse },
  }),
};
