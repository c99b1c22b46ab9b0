import { useEffect, useRef } from 'preact/hooks';

/** Keys closer than this belong to one scanner burst (as in wedge-detector.ts). */
const MAX_GAP_MS = 50;
const PAYLOAD = /^vitrina:\/\/referral\?/i;

/**
 * The code inside a friend's QR payload (`…&code=R7ABCDEF`), upper-cased. Only for the field: the
 * server reads codes with `referralCodeOf` (contracts/src/kiosk-card.ts) and is the one judge.
 * Not imported from there: a value from the contracts' main entry would bundle TypeBox.
 */
export function codeOfPayload(payload: string): string {
  return (/[?&]code=([A-Za-z0-9]+)/.exec(payload)?.[1] ?? '').toUpperCase();
}

/**
 * A friend's referral QR read by the kiosk's keyboard-wedge scanner while this screen is open:
 * the scanner types `vitrina://referral?…&code=…` in one fast burst ending with Enter, and
 * `onCode` gets the code. The card wedge (use-wedge.ts) gives up on such a burst at its first
 * letter; this listener keeps the burst's keys out of any focused field.
 */
export function useReferralScan(onCode: (code: string) => void): void {
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  useEffect(() => {
    let buffer = '';
    let lastAt = Number.NEGATIVE_INFINITY;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const fast = e.timeStamp - lastAt < MAX_GAP_MS;
      lastAt = e.timeStamp;
      if (e.key === 'Enter') {
        const text = buffer;
        buffer = '';
        if (fast && PAYLOAD.test(text)) {
          e.preventDefault();
          const code = codeOfPayload(text);
          if (code) onCodeRef.current(code);
        }
        return;
      }
      if (e.key.length !== 1) return;
      buffer = fast ? buffer + e.key : e.key;
      if (buffer.length > 200) buffer = '';
      if (buffer.length > 1 && fast) e.preventDefault();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
