import { useEffect } from 'preact/hooks';
import { domToJpeg } from 'modern-screenshot';
import { SCREENSHOT_MAX_CHARS, type ScreenshotRequest } from '@vitrina/contracts';
import type { SignageSocket } from '@vitrina/contracts/client';
import { ACK_TIMEOUT_MS } from '../config';

/** Captured at half size: enough to see what is on screen, small enough for one socket message. */
const SCALE = 0.5;

/** Draws the page's own DOM into a JPEG data URL (modern-screenshot: DOM → SVG → canvas). */
async function capture(): Promise<string> {
  let quality = 0.8;
  for (;;) {
    // font: false — the player uses system fonts only, and reading every style sheet for @font-face
    // fails on sheets the page cannot read (null cssRules).
    const url = await domToJpeg(document.body, { scale: SCALE, quality, backgroundColor: '#000', font: false });
    if (url.length <= SCREENSHOT_MAX_CHARS || quality < 0.3) return url;
    quality -= 0.2;
  }
}

/** Remote screenshot: on `device:screenshot-request` the screen captures itself and answers. */
export function useRemoteScreenshot(socket: SignageSocket | null): void {
  useEffect(() => {
    if (!socket) return;
    const onRequest = ({ requestId }: ScreenshotRequest) => {
      void capture()
        .then((image) => (image.length <= SCREENSHOT_MAX_CHARS ? { requestId, image } : { requestId, image: null, failure: 'image too large' }))
        .catch((e: unknown) => ({ requestId, image: null, failure: String(e).slice(0, 200) }))
        .then((reply) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('device:screenshot', reply))
        .catch(() => undefined); // the console times out and says so
    };
    socket.on('device:screenshot-request', onRequest);
    return () => {
      socket.off('device:screenshot-request', onRequest);
    };
  }, [socket]);
}
