import { parseScannerBindings, type ScannerBinding } from './bindings.js';
import { NodeHidBackend, type HidBackend } from './hid-backend.js';
import { ScannerService, type ScannerLogger } from './service.js';
import { SimulatedHidBackend } from './simulated-backend.js';

/** Path of the simulated scanner bound to a kiosk. */
export const simulatedScannerPath = (kioskId: string) => `sim:${kioskId}`;

export interface ConfiguredScanner {
  scanner: ScannerService;
  bindings: ScannerBinding[];
  /** Present only with SCANNER_SIMULATOR: the software HID devices, one per bound kiosk. */
  simulator: SimulatedHidBackend | null;
}

/**
 * USB scanners bound to kiosks (SCANNERS config). With SCANNER_SIMULATOR the same service,
 * decoders and bindings run over software devices fed through a dev route — the only fake,
 * at the hardware edge. Without explicit bindings, every paired kiosk gets a simulated HID POS scanner.
 */
export function scannerFromConfig(config: { SCANNERS: string; SCANNER_SIMULATOR: boolean }, kioskIds: readonly string[], logger: ScannerLogger): ConfiguredScanner {
  const parsed = parseScannerBindings(config.SCANNERS);
  if (!parsed.ok) throw new Error(`SCANNERS: ${parsed.message}`);
  let bindings: ScannerBinding[] = parsed.bindings;
  let backend: HidBackend;
  let simulator: SimulatedHidBackend | null = null;
  if (config.SCANNER_SIMULATOR) {
    simulator = new SimulatedHidBackend();
    if (bindings.length === 0) bindings = kioskIds.map((kioskId) => ({ kioskId, path: simulatedScannerPath(kioskId), layout: 'hid-pos' as const }));
    for (const b of bindings) if (b.path) simulator.addDevice({ path: b.path, usagePage: b.layout === 'hid-pos' ? 0x8c : 0x01 });
    backend = simulator;
  } else {
    backend = new NodeHidBackend();
  }
  return { scanner: new ScannerService({ bindings, backend, logger }), bindings, simulator };
}
