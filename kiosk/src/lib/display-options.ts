/**
 * The kiosk's display options: larger text and high contrast. A shared kiosk must not hand the
 * next shopper someone else's settings, so the options last for one visit: the attract screen
 * resets them when it comes back (the session ended) and after `IDLE_MS` there if nobody scanned.
 *
 * Applied as attributes on <html> (`data-text-size="large"`, `data-contrast="high"`), so the
 * whole page follows from CSS alone (styles/global.css scales the root font size and swaps
 * the colour tokens).
 */
export interface DisplayOptions {
  largeText: boolean;
  highContrast: boolean;
}

const DEFAULTS: DisplayOptions = { largeText: false, highContrast: false };

function createDisplayOptions(root: HTMLElement | null) {
  let current = DEFAULTS;
  const listeners = new Set<() => void>();
  const apply = () => {
    if (!root) return;
    if (current.largeText) root.dataset.textSize = 'large';
    else delete root.dataset.textSize;
    if (current.highContrast) root.dataset.contrast = 'high';
    else delete root.dataset.contrast;
  };
  const set = (next: DisplayOptions) => {
    if (next.largeText === current.largeText && next.highContrast === current.highContrast) return;
    current = next;
    apply();
    for (const l of listeners) l();
  };
  return {
    current: () => current,
    /** Any option on? (The attract screen's idle reset only runs then.) */
    changed: () => current.largeText || current.highContrast,
    toggle: (key: keyof DisplayOptions) => set({ ...current, [key]: !current[key] }),
    reset: () => set(DEFAULTS),
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type DisplayOptionsStore = ReturnType<typeof createDisplayOptions>;

/** Exported for tests (a store on a detached element); the app uses `displayOptions`. */
export { createDisplayOptions };

export const displayOptions = createDisplayOptions(typeof document === 'undefined' ? null : document.documentElement);
