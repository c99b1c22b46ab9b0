import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { onRequestAsyncHookHandler } from 'fastify';
import { ROUTES } from '@vitrina/contracts';
import { VitrinaError } from '../errors/vitrina-error.js';
import { serve } from '../http/serve-route.js';
import type { ConfiguredScanner } from './from-config.js';

/**
 * Who may feed a simulated scanner, as the auth and devices domains answer it (platform knows
 * no domain: app.ts hands in the two services, which fit these shapes). Both throw on an
 * unknown, expired or revoked token.
 */
export interface DevScanCredentials {
  auth: { principal(token: string | undefined): Promise<{ role: string }> };
  devices: { authenticate(token: unknown, kind: 'kiosk'): Promise<{ id: string }> };
}

function bearer(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S{8,256})$/i.exec(header ?? '')?.[1];
}

/**
 * `Authorization: Bearer <token>` with a staff admin's session token, or the kiosk's own
 * device token (pairing token) for that kiosk's scanner. Checked before the body is read, so
 * an anonymous caller learns nothing about which kiosks have a scanner.
 */
function requireScanCredential({ auth, devices }: DevScanCredentials): onRequestAsyncHookHandler {
  return async (req) => {
    const token = bearer(req.headers.authorization);
    if (!token) throw new VitrinaError('VITRINA_ERR_UNAUTHORIZED', 'Send a staff admin token or the kiosk\'s device token as a bearer token.');
    const kioskId = (req.params as { kioskId?: string }).kioskId;
    const device = await devices.authenticate(token, 'kiosk').catch(() => undefined);
    if (device) {
      if (device.id !== kioskId) throw new VitrinaError('VITRINA_ERR_FORBIDDEN', 'A kiosk may feed only its own scanner.');
      return;
    }
    const staff = await auth.principal(token); // throws VITRINA_ERR_UNAUTHORIZED
    if (staff.role !== 'admin') throw new VitrinaError('VITRINA_ERR_FORBIDDEN');
  };
}

/**
 * Dev/test only (SCANNER_SIMULATOR): raw HID reports (bytes) into a simulated scanner, exactly
 * as a device would send them. Needs a credential (see requireScanCredential): the simulator is
 * a way to start a shopper's session on a kiosk, so it is not open to whoever reaches the port.
 */
export function simulatedScannerRoutes({ bindings, simulator, auth, devices }: Pick<ConfiguredScanner, 'bindings'> & { simulator: NonNullable<ConfiguredScanner['simulator']> } & DevScanCredentials): FastifyPluginAsyncTypebox {
  return async (app) => {
    serve(app, ROUTES.dev.scannerReports, { onRequest: requireScanCredential({ auth, devices }) }, async (req, reply) => {
      const binding = bindings.find((b) => b.kioskId === req.params.kioskId && b.path);
      if (!binding?.path) throw new VitrinaError('VITRINA_ERR_DEVICE_UNKNOWN', 'No simulated scanner is bound to that kiosk.');
      simulator.feedAll(binding.path, req.body.reports);
      return reply.status(202).send({ accepted: req.body.reports.length });
    });
  };
}
