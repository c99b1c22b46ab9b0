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
  /**
   * A kiosk was paired while the server runs. With SCANNER_SIMULATOR and no explicit SCANNERS, it
   * gets its simulated HID POS scanner at once, as kiosks paired before boot do; otherwise nothing
   * (real scanners are bound by SCANNERS, which names the kiosk).
   */
  kioskPaired(kioskId: string): Promise<void>;
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
  const scanner = new ScannerService({ bindings, backend, logger });
  const simulatesEveryKiosk = simulator !== null && parsed.bindings.length === 0;
  async function kioskPaired(kioskId: string) {
    if (!simulatesEveryKiosk || !simulator || bindings.some((b) => b.kioskId === kioskId)) return;
    const binding = { kioskId, path: simulatedScannerPath(kioskId), layout: 'hid-pos' as const };
    simulator.addDevice({ path: binding.path, usagePage: 0x8c });
    bindings.push(binding);
    await scanner.addBinding(binding);
  }
  return { scanner, bindings, simulator, kioskPaired };
}
