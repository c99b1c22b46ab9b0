/**
 * Reports captured from real devices, copied byte for byte from ../shared/hid-captures/README.md,
 * which cites where each was published. Test data only.
 */

function bytes(hexText: string): Uint8Array {
  return Uint8Array.from(hexText.trim().split(/\s+/).map((h) => Number.parseInt(h, 16)));
}

/** A 64-byte HID POS report: the given head, zero padding up to byte 60, then bytes 61–63. */
function padded(head: string, tail: string): Uint8Array {
  const report = new Uint8Array(64);
  report.set(bytes(head), 0);
  report.set(bytes(tail), 61);
  return report;
}

/** Honeywell HID POS report descriptor (usage page 0x8C, report 2), Honeywell firmware source. */
export const HONEYWELL_POS_DESCRIPTOR = bytes(`
  05 8C 09 02 A1 01 09 12 A1 02 85 02 15 00 26 FF 00 75 08 95 01 05 01 09 3B 81 02 95 03 05 8C
  09 FB 09 FC 09 FD 81 02 95 38 09 FE 82 02 01 06 66 FF 95 02 09 04 09 00 81 02 05 8C 25 01 75
  01 95 08 09 FF 81 02 C0`);

/**
 * Capture 1: Honeywell Voyager 1602g reply split over two reports
 * (github HenkVanAsselt/python_hon_usbhid, README.md).
 */
export const VOYAGER_REVINF_PART1 = bytes(`
  02 38 5d 58 30 50 72 6f 64 75 63 74 20 4e 61 6d 65 3a 20 56 6f 79 61 67 65 72 20 31 36 30
  32 67 0d 0a 42 6f 6f 74 20 52 65 76 69 73 69 6f 6e 3a 20 3a 20 38 39 39 32 0d 0a 53 6f 66
  74 3f 00 01`);
export const VOYAGER_REVINF_PART2 = padded('02 09 5d 58 30 75 6d 3a 20 4e 2f 41 0d 0a', '3f 00 00');
export const VOYAGER_REVINF_TEXT = 'Product Name: Voyager 1602g\r\nBoot Revision: : 8992\r\nSoftum: N/A\r\n';

/** Capture 2: same device, AIM ]Z6, data "REVINF" 0x06 "." (an ACK byte inside the data). */
export const VOYAGER_ACK = padded('02 08 5d 5a 36 52 45 56 49 4e 46 06 2e', '36 00 00');

/** Capture 3: TVS BSC-101 keyboard-mode scanner (node-hid issue #413): "8" of 8901042960340. */
export const TVS_FIRST_KEY = bytes('00 00 25 00 00 00 00 00');

/** Capture 4: NFC reader in keyboard mode with report ID 2 first (node-hid issue #228): "0". */
export const NFC_REPORT_ID_KEY = bytes('02 00 00 27 00 00 00 00 00');

/** Capture 5: "$" as modifier 0x02 (left shift) with key 0x21 (node-hid issue #58). */
export const SHIFT_DOLLAR = bytes('02 00 21 00 00 00 00 00');

/** ISO 7813 swipe samples (test data, not live cards). github sualeh/magnetictrackparser, README. */
export const SWIPE_FATEHI =
  '%B5350290149345177^FATEHI/SUALEH^16042010000000000000000000000000000567001000?;5350290149345177=16042010000056700100?';
/** github CarlRaymond/jquery.cardswipe, test/tests.js (followed by a newline there). */
export const SWIPE_SIMPSON =
  '%B6009050000000000^SIMPSON/HOMER J           ^0000000X11111111100000000000000?;6009050000000000=00000002411111111100?';
