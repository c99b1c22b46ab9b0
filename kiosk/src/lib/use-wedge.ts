import { useEffect, useRef } from 'preact/hooks';
import { WedgeDetector } from './wedge-detector';

/**
 * Listens on the whole page for keyboard-wedge scanner bursts (see wedge-detector.ts)
 * and calls `onScan` with the digits. Keys that belong to a burst are kept out of any
 * focused field so a scan never lands in, say, the first-name box.
 */
export function useWedge(onScan: (code: string) => void): void {
  const scanRef = useRef(onScan);
  scanRef.current = onScan;

  useEffect(() => {
    const detector = new WedgeDetector();
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || e.ctrlKey || e.altKey || e.metaKey) return;
      const code = detector.push(e.key, e.timeStamp);
      if (code !== null) {
        e.preventDefault();
        scanRef.current(code);
      } else if (detector.collecting) {
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
