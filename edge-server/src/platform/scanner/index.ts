/** Public API of the scanner adapter: what the app wires in. */
export { ScannerService, DEFAULT_POLL_INTERVAL_MS } from './service.js';
export type { ScanEvent, ScanErrorEvent, ScannerDeviceEvent, ScannerEvents, ScannerStatus, ScannerLogger, ScannerServiceOptions } from './service.js';
export { parseScannerBindings, ScannerBindingSchema } from './bindings.js';
export type { ScannerBinding, ParseBindingsResult } from './bindings.js';
export { NodeHidBackend } from './hid-backend.js';
export type { HidBackend, HidBackendStatus, HidDeviceInfo, HidHandle, HidHandleEvents, NodeHidBackendOptions } from './hid-backend.js';
export { SimulatedHidBackend } from './simulated-backend.js';
export type { SimulatedDeviceInit } from './simulated-backend.js';
export { createDecoder } from './decoders/create.js';
export type { DecoderOptions } from './decoders/create.js';
export { HidPosDecoder, encodeHidPosReports } from './decoders/hid-pos.js';
export { KeyboardDecoder, encodeKeyboardReports } from './decoders/keyboard.js';
export type { KeyboardTerminator } from './decoders/keyboard.js';
export { MsrKeyboardDecoder, parseMagstripe } from './decoders/msr.js';
export { summarizeReportDescriptor, layoutForUsage } from './decoders/report-descriptor.js';
export { SCAN_LAYOUTS } from './decoders/types.js';
export type { ScanLayout, ScanDecoder, DecodeOutput, DecodedScan, DecodeError } from './decoders/types.js';
