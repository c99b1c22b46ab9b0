import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { VitrinaError } from '../errors/vitrina-error.js';
import { serve } from '../http/serve-route.js';
import type { ConfiguredScanner } from './from-config.js';

/** Dev/test only (SCANNER_SIMULATOR): raw HID reports (bytes) into a simulated scanner, exactly as a device would send them. */
export function simulatedScannerRoutes({ bindings, simulator }: Pick<ConfiguredScanner, 'bindings'> & { simulator: NonNullable<ConfiguredScanner['simulator']> }): FastifyPluginAsyncTypebox {
  return async (app) => {
    serve(app, ROUTES.dev.scannerReports, {}, async (req, reply) => {
      const binding = bindings.find((b) => b.kioskId === req.params.kioskId && b.path);
      if (!binding?.path) throw new VitrinaError('VITRINA_ERR_DEVICE_UNKNOWN', 'No simulated scanner is bound to that kiosk.');
      simulator.feedAll(binding.path, req.body.reports);
      return reply.status(202).send({ accepted: req.body.reports.length });
    });
  };
}
