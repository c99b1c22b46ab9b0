import { useEffect, useMemo, useState } from 'preact/hooks';
import { planAt, type ScreenPlan, type ScreenSnapshot } from '@vitrina/contracts';
import { layoutReady } from './content';
import { isCached } from './media-cache';
import type { ScreenClock } from './screen-clock';

/** Re-evaluated this often: windows are whole minutes, and a simulated clock may run fast. */
const EVALUATE_EVERY_MS = 1_000;

/**
 * What the screen plays now: the snapshot's schedule evaluated with `planAt` against the
 * screen's own clock (so it keeps following it offline). A new plan is taken only when its
 * layout is ready (its media cached); until then the screen keeps what it shows. Sleep and
 * emergency are taken at once (they need no media). The wanted plan is returned too, for
 * the fleet view and tests.
 */
export function usePlan(snapshot: ScreenSnapshot | null, clock: ScreenClock, cacheVersion: number): ScreenPlan | null {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const t = setInterval(() => setNow(clock.now()), EVALUATE_EVERY_MS);
    return () => clearInterval(t);
  }, [clock]);

  const wanted = useMemo(() => (snapshot ? planAt(snapshot, now) : null), [snapshot, now]);
  const [shown, setShown] = useState<ScreenPlan | null>(null);

  useEffect(() => {
    if (!wanted) return setShown(null);
    if (shown && wanted.key === shown.key) return;
    if (wanted.state === 'sleep' || wanted.source === 'emergency' || layoutReady(wanted.layout, isCached)) setShown(wanted);
  }, [wanted?.key, cacheVersion]);

  // null until a plan is ready: the player shows its fallback loop meanwhile, never a blank screen.
  return shown;
}
