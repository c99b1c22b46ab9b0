/**
 * Kiosk timing. The session screen warns after IDLE_MS without a touch and resets
 * WARNING_MS later (WCAG 2.2.1 asks for at least 20 s to extend with one action).
 * `?idleMs=&warningMs=` on the URL override them (used by end-to-end tests).
 */
const params = new URLSearchParams(window.location.search);
function fromQuery(name: string, fallback: number): number {
  const v = Number(params.get(name));
  return Number.isFinite(v) && v >= 1000 ? v : fallback;
}

export const IDLE_MS = fromQuery('idleMs', 45_000);
export const WARNING_MS = fromQuery('warningMs', 20_000);
/** How long a problem message stays up on its own. */
export const PROBLEM_SHOW_MS = 7_000;
/** How long to wait for the server's acknowledgement. */
export const ACK_TIMEOUT_MS = 8_000;
/** How long "Done" waits to learn whether the shopper is due for the survey before leaving without it. */
export const SURVEY_CHECK_MS = 2_500;
/** The survey's thank-you screen returns to attract on its own after this. */
export const SURVEY_THANKS_MS = 5_000;
/** The error boundary reloads the page after this long. */
export const CRASH_RELOAD_MS = 8_000;

/** What this build reports to the fleet page (`device:status`); set VITE_APP_VERSION at build time. */
export const APP_VERSION: string = import.meta.env['VITE_APP_VERSION'] ?? '0.1.0';
