/** Takeovers are clamped so a bad value can neither flash past nor hide the loop for long. */
export const TAKEOVER_MIN_MS = 3_000;
export const TAKEOVER_MAX_MS = 120_000;
/** At most this many offers fit on a takeover screen. */
export const TAKEOVER_MAX_OFFERS = 4;
/** Crossfade length between slides (keep in sync with region-loop/style.module.css). */
export const CROSSFADE_MS = 900;
/** A slide whose media fails to load is skipped after this long (not at once, to avoid spinning). */
export const BROKEN_MEDIA_SKIP_MS = 1_000;
/** How long to wait for the server's playlist answer. */
export const ACK_TIMEOUT_MS = 10_000;
export const CRASH_RELOAD_MS = 8_000;

/** What this build reports to the fleet page (`device:status`); set VITE_APP_VERSION at build time. */
export const APP_VERSION: string = import.meta.env['VITE_APP_VERSION'] ?? '0.1.0';
