/** Picks the decoder for a configured layout. */
import { HidPosDecoder } from './hid-pos.js';
import { KeyboardDecoder, type KeyboardTerminator } from './keyboard.js';
import { MsrKeyboardDecoder } from './msr.js';
import type { ScanDecoder, ScanLayout } from './types.js';

export interface DecoderOptions {
  /** Keyboard layouts only: reads start with a report ID byte. */
  reportId?: boolean;
  terminator?: KeyboardTerminator;
  burstGapMs?: number;
}

export function createDecoder(layout: ScanLayout, options: DecoderOptions = {}): ScanDecoder {
  switch (layout) {
    case 'hid-pos':
      return new HidPosDecoder(options.burstGapMs === undefined ? {} : { burstGapMs: options.burstGapMs });
    case 'keyboard':
      return new KeyboardDecoder(options);
    case 'msr-keyboard':
      return new MsrKeyboardDecoder(options);
  }
}
