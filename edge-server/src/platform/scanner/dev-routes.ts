import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse } from '@vitrina/contracts';
import { VitrinaError } from '../errors/vitrina-error.js';
import type { ConfiguredScanner } from './from-config.js';

/** Dev/test only (SCANNER_SIMULATOR): raw HID reports (bytes) into a simulated scanner, exactly as a device would send them. */
export function simulatedScannerRoutes({ bindings, simulator }: Pick<ConfiguredScanner, 'bindings'> & { simulator: NonNullable<ConfiguredScanner['simulator']> }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/api/v1/dev/scanners/:kioskId/reports', {
      schema: {
        tags: ['dev'],
        params: Type.Object({ kioskId: Type.String({ maxLength: 64 }) }),
        body: Type.Object({ reports: Type.Array(Type.Array(Type.Integer({ minimum: 0, maximum: 255 }), { maxItems: 64 }), { minItems: 1, maxItems: 64 }) }, { additionalProperties: false }),
        response: { 202: Type.Object({ accepted: Type.Integer() }), 404: ErrorResponse },
      },
    }, async (req, reply) => {
      const binding = bindings.find((b) => b.kioskId === req.params.kioskId && b.path);
      if (!binding?.path) throw new VitrinaError('VITRINA_ERR_DEVICE_UNKNOWN', 'No simulated scanner is bound to that kiosk.');
      simulator.feedAll(binding.path, req.body.reports);
      return reply.status(202).send({ accepted: req.body.reports.length });
    });
  };
}
