/**
 * The screen's own clock: schedules are evaluated against it, so a screen keeps following
 * its schedule with the edge server gone. Normally it is `Date.now()`.
 *
 * For tests and demos a simulated clock can be switched on — only in dev/test builds
 * (`import.meta.env.DEV`, or a build with `VITE_SIGNAGE_SIM_CLOCK=1`): the query
 * `?clock=<iso>&speed=<n>` starts the screen at that wall time running `n`× as fast, and
 * `window.__vitrinaClock.set(iso, speed?)` moves it later. Production builds ignore both, so
 * a screen in a shop always shows real time. (End-to-end tests against the production
 * build use Playwright's `page.clock`, which fakes `Date` itself.)
 */
export interface ScreenClock {
  now(): number;
  /** Moves the simulated clock (no-op when the simulation is off). */
  set(iso: string, speed?: number): void;
  readonly simulated: boolean;
}

interface Anchor {
  /** Simulated time at `realAt`. */
  at: number;
  realAt: number;
  speed: number;
}

export function createScreenClock(realNow: () => number, search: string, allowSimulation: boolean): ScreenClock {
  let anchor: Anchor | null = null;
  const setAnchor = (iso: string, speed = 1) => {
    const at = Date.parse(iso);
    if (!Number.isFinite(at)) return;
    anchor = { at, realAt: realNow(), speed: Number.isFinite(speed) && speed > 0 ? speed : 1 };
  };
  if (allowSimulation) {
    const q = new URLSearchParams(search);
    const iso = q.get('clock');
    if (iso) setAnchor(iso, Number(q.get('speed') ?? '1'));
  }
  return {
    get simulated() {
      return anchor !== null;
    },
    now() {
      if (!anchor) return realNow();
      return anchor.at + (realNow() - anchor.realAt) * anchor.speed;
    },
    set(iso, speed) {
      if (allowSimulation) setAnchor(iso, speed);
    },
  };
}

const allow = import.meta.env.DEV || import.meta.env['VITE_SIGNAGE_SIM_CLOCK'] === '1';

/** The one clock of this screen. */
export const screenClock: ScreenClock = createScreenClock(() => Date.now(), typeof location === 'undefined' ? '' : location.search, allow);

if (allow && typeof window !== 'undefined') {
  (window as unknown as { __vitrinaClock: ScreenClock }).__vitrinaClock = screenClock;
}
