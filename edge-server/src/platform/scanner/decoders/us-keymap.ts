/**
 * HID keyboard usages (usage page 0x07) ↔ characters on a US layout, which is what keyboard-mode
 * scanners emulate by default. Only printable ASCII is mapped: a scan is text, so any other key
 * (arrows, F-keys, Ctrl/Alt combinations) means the burst is not a scan.
 */

// [usage, unshifted, shifted]
const KEYS: ReadonlyArray<readonly [number, string, string]> = [
  [0x1e, '1', '!'], [0x1f, '2', '@'], [0x20, '3', '#'], [0x21, '4', '$'], [0x22, '5', '%'],
  [0x23, '6', '^'], [0x24, '7', '&'], [0x25, '8', '*'], [0x26, '9', '('], [0x27, '0', ')'],
  [0x2c, ' ', ' '], [0x2d, '-', '_'], [0x2e, '=', '+'], [0x2f, '[', '{'], [0x30, ']', '}'],
  [0x31, '\\', '|'], [0x33, ';', ':'], [0x34, "'", '"'], [0x35, '`', '~'], [0x36, ',', '<'],
  [0x37, '.', '>'], [0x38, '/', '?'],
  // Keypad: scanners set to "keypad digits" emit these regardless of Num Lock.
  [0x54, '/', '/'], [0x55, '*', '*'], [0x56, '-', '-'], [0x57, '+', '+'],
  [0x59, '1', '1'], [0x5a, '2', '2'], [0x5b, '3', '3'], [0x5c, '4', '4'], [0x5d, '5', '5'],
  [0x5e, '6', '6'], [0x5f, '7', '7'], [0x60, '8', '8'], [0x61, '9', '9'], [0x62, '0', '0'],
  [0x63, '.', '.'],
];

export const KEY_ENTER = 0x28;
export const KEY_TAB = 0x2b;
export const KEY_KEYPAD_ENTER = 0x58;
/** Left Shift 0x02 | Right Shift 0x20. */
export const SHIFT_MASK = 0x22;
/** Ctrl, Alt and GUI, left and right: a character typed with these held is not scan text. */
export const NON_SHIFT_MODIFIERS = 0xdd;

const usageToChar = new Map<number, readonly [string, string]>();
for (const [usage, plain, shifted] of KEYS) usageToChar.set(usage, [plain, shifted]);
for (let i = 0; i < 26; i++) {
  const lower = String.fromCharCode(0x61 + i);
  usageToChar.set(0x04 + i, [lower, lower.toUpperCase()]);
}

// Main-row keys win over keypad keys when encoding, as a scanner's default does.
const charToKey = new Map<string, { usage: number; shift: boolean }>();
for (const [usage, [plain, shifted]] of [...usageToChar.entries()].sort((a, b) => b[0] - a[0])) {
  charToKey.set(shifted, { usage, shift: shifted !== plain });
  charToKey.set(plain, { usage, shift: false });
}

export function charForUsage(usage: number, shift: boolean): string | null {
  const entry = usageToChar.get(usage);
  if (!entry) return null;
  return shift ? entry[1] : entry[0];
}

export function usageForChar(char: string): { usage: number; shift: boolean } | null {
  return charToKey.get(char) ?? null;
}
