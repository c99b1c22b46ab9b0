import { useEffect, useRef } from 'preact/hooks';
import { domToJpeg } from 'modern-screenshot';
import { SCREENSHOT_MAX_CHARS, type ScreenshotRequest } from '@vitrina/contracts';
import type { KioskSocket, SignageSocket } from '../use-device-socket';
import { fleetSocketOf } from './fleet-socket';

/** Captured at half size: enough to see what is on screen, small enough for one socket message. */
const SCALE = 0.5;

/** Draws the page's own DOM into a JPEG data URL (modern-screenshot: DOM → SVG → canvas). */
async function capture(background: string): Promise<string> {
  let quality = 0.8;
  for (;;) {
    // font: false — the apps use system fonts only, and reading every style sheet for @font-face
    // fails on sheets the page cannot read (null cssRules).
    const url = await domToJpeg(document.body, { scale: SCALE, quality, backgroundColor: background, font: false });
    if (url.length <= SCREENSHOT_MAX_CHARS || quality < 0.3) return url;
    quality -= 0.2;
  }
}

/**
 * Remote screenshot: on `device:screenshot-request` the kiosk or screen captures its own DOM
 * (page background `background` behind transparent parts) and answers with `device:screenshot`.
 * `refusal()` says why not now, or null: a kiosk never sends a picture of a shopper's session
 * to the console (privacy rules), it answers with the reason instead.
 */
export function useRemoteScreenshot(
  deviceSocket: KioskSocket | SignageSocket | null,
  ackTimeoutMs: number,
  background = '#000',
  refusal: () => string | null = () => null,
): void {
  const refusalRef = useRef(refusal);
  refusalRef.current = refusal;
  useEffect(() => {
    if (!deviceSocket) return;
    const socket = fleetSocketOf(deviceSocket);
    const onRequest = ({ requestId }: ScreenshotRequest) => {
      const refused = refusalRef.current();
      const captured = refused ? Promise.resolve({ requestId, image: null, failure: refused }) : capture(background).then((image) => (image.length <= SCREENSHOT_MAX_CHARS ? { requestId, image } : { requestId, image: null, failure: 'image too large' }));
      void captured
        .catch((e: unknown) => ({ requestId, image: null, failure: String(e).slice(0, 200) }))
        .then((reply) => socket.timeout(ackTimeoutMs).emitWithAck('device:screenshot', reply))
        .catch(() => undefined); // the console times out and says so
    };
    socket.on('device:screenshot-request', onRequest);
    return () => {
      socket.off('device:screenshot-request', onRequest);
    };
  }, [deviceSocket, ackTimeoutMs, background]);
}
