/**
 * Tells a keyboard-wedge scanner apart from a person typing. A scanner in keyboard mode
 * "types" the whole card number in a fast burst (a few ms between keys) and ends with Enter;
 * a person is much slower. Digits that arrive with gaps of MAX_GAP_MS or more start over.
 */
export const WEDGE_MAX_GAP_MS = 50;
export const WEDGE_MIN_LENGTH = 6;
export const WEDGE_MAX_LENGTH = 64;

export class WedgeDetector {
  private buffer = '';
  private lastAt = Number.NEGATIVE_INFINITY;
  /** Set when a burst turned out to be garbage; the rest of it is ignored up to Enter or a pause. */
  private discarding = false;

  constructor(
    private readonly maxGapMs = WEDGE_MAX_GAP_MS,
    private readonly minLength = WEDGE_MIN_LENGTH,
  ) {}

  /**
   * Feed one key (KeyboardEvent.key) and its timestamp in ms.
   * Returns the scanned code when this key completes a burst, otherwise null.
   */
  push(key: string, at: number): string | null {
    const fast = at - this.lastAt < this.maxGapMs;
    this.lastAt = at;
    if (!fast) this.discarding = false;
    if (key === 'Enter') {
      const code = fast && !this.discarding && this.buffer.length >= this.minLength ? this.buffer : null;
      this.buffer = '';
      this.discarding = false;
      return code;
    }
    if (this.discarding) return null;
    if (/^[0-9]$/.test(key)) {
      this.buffer = fast ? this.buffer + key : key;
      if (this.buffer.length > WEDGE_MAX_LENGTH) this.discard();
      return null;
    }
    // Any other key (letters, Tab...) means this burst is not a card number.
    this.discard();
    return null;
  }

  /** True while a fast burst is being collected, so callers can hold back the keys. */
  get collecting(): boolean {
    return this.buffer.length > 1;
  }

  private discard(): void {
    this.buffer = '';
    this.discarding = true;
  }

  reset(): void {
    this.discarding = false;
    this.buffer = '';
    this.lastAt = Number.NEGATIVE_INFINITY;
  }
}
