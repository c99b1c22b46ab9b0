import fp from 'fastify-plugin';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse } from '@vitrina/contracts';
import { VitrinaError } from '../errors/vitrina-error.js';
import { NodeHidBackend, ScannerService, SimulatedHidBackend, parseScannerBindings, type HidBackend, type ScannerBinding } from './index.js';

declare module 'fastify' {
  interface FastifyInstance {
    scanner: ScannerService;
    /** Present only with SCANNER_SIMULATOR=true: the software HID devices, one per bound kiosk. */
    scannerSimulator: SimulatedHidBackend | null;
  }
}

/** Path of the simulated scanner bound to a kiosk. */
export const simulatedScannerPath = (kioskId: string) => `sim:${kioskId}`;

/**
 * USB scanners bound to kiosks (SCANNERS config) → the scan path. With SCANNER_SIMULATOR the
 * same service, decoders and bindings run over software devices fed through a dev route —
 * the only fake, at the hardware edge.
 */
export default fp(
  async (app) => {
    const parsed = parseScannerBindings(app.config.SCANNERS);
    if (!parsed.ok) throw new Error(`SCANNERS: ${parsed.message}`);
    let bindings: ScannerBinding[] = parsed.bindings;
    let backend: HidBackend;
    let simulator: SimulatedHidBackend | null = null;
    if (app.config.SCANNER_SIMULATOR) {
      simulator = new SimulatedHidBackend();
      // Without explicit bindings, every paired kiosk gets a simulated HID POS scanner.
      if (bindings.length === 0) {
        bindings = (await app.devices.list()).filter((d) => d.kind === 'kiosk').map((d) => ({ kioskId: d.id, path: simulatedScannerPath(d.id), layout: 'hid-pos' as const }));
      }
      for (const b of bindings) if (b.path) simulator.addDevice({ path: b.path, usagePage: b.layout === 'hid-pos' ? 0x8c : 0x01 });
      backend = simulator;
    } else {
      backend = new NodeHidBackend();
    }
    const scanner = new ScannerService({ bindings, backend, logger: app.log });
    app.decorate('scanner', scanner);
    app.decorate('scannerSimulator', simulator);

    scanner.on('scan', (scan) => {
      void (async () => {
        const kiosk = await app.devices.get(scan.kioskId).catch(() => null);
        if (!kiosk || kiosk.status !== 'active') return app.log.warn({ kioskId: scan.kioskId }, 'scan from a scanner bound to an unknown or revoked kiosk');
        await app.sessions.identifyFromScanner({ id: kiosk.id, zone_id: kiosk.zoneId }, scan.code);
      })().catch((err) => app.log.error({ err }, 'scan handling failed'));
    });
    scanner.on('scan-error', (e) => app.realtime.toKiosk(e.kioskId, 'kiosk:scan-error', { code: e.code, message: e.message }));

    app.addHook('onReady', async () => scanner.start());
    app.addHook('onClose', async () => scanner.stop());

    if (simulator) {
      const sim = simulator;
      // Dev/test only: raw HID reports (bytes) into a simulated scanner, exactly as a device would send them.
      app.withTypeProvider<TypeBoxTypeProvider>().post('/api/v1/dev/scanners/:kioskId/reports', {
        schema: {
          tags: ['dev'],
          params: Type.Object({ kioskId: Type.String({ maxLength: 64 }) }),
          body: Type.Object({ reports: Type.Array(Type.Array(Type.Integer({ minimum: 0, maximum: 255 }), { maxItems: 64 }), { minItems: 1, maxItems: 64 }) }, { additionalProperties: false }),
          response: { 202: Type.Object({ accepted: Type.Integer() }), 404: ErrorResponse },
        },
      }, async (req, reply) => {
        const binding = bindings.find((b) => b.kioskId === req.params.kioskId && b.path);
        if (!binding?.path) throw new VitrinaError('VITRINA_ERR_DEVICE_UNKNOWN', 'No simulated scanner is bound to that kiosk.');
        sim.feedAll(binding.path, req.body.reports);
        return reply.status(202).send({ accepted: req.body.reports.length });
      });
    }
  },
  { name: 'scanner', dependencies: ['realtime', 'devices'] },
);
