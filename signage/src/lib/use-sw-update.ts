import { useCallback, useEffect, useRef } from 'preact/hooks';
import { Workbox } from 'workbox-window';

/** A long-running screen asks for a new version this often (besides at every page load). */
const CHECK_EVERY_MS = 60 * 60_000;

/**
 * Service-worker updates without a blank screen. The new worker installs in the background and
 * takes control by itself (skipWaiting + clientsClaim); the page it controls keeps running the
 * old bundle until the next item boundary, and only then reloads into the new one — the reload
 * comes from the precache and the stored snapshot, so the next item is on screen at once.
 * No prompt: nobody stands at a screen to press it.
 */
export function useServiceWorkerUpdate(): { atBoundary: () => void } {
  const pending = useRef(false);

  useEffect(() => {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
    // isUpdate: a worker replaced an older one (not the first install of this screen).
    wb.addEventListener('controlling', (e) => {
      if (e.isUpdate) pending.current = true;
    });
    void wb.register().catch(() => undefined);
    const t = setInterval(() => void wb.update().catch(() => undefined), CHECK_EVERY_MS);
    return () => clearInterval(t);
  }, []);

  const atBoundary = useCallback(() => {
    if (pending.current) {
      pending.current = false;
      window.location.reload();
    }
  }, []);
  return { atBoundary };
}
