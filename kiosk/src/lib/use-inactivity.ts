import { useEffect, useRef, useState } from 'preact/hooks';
import { InactivityTimer, type InactivityState } from './inactivity-timer';

/**
 * Runs the inactivity timer while `enabled`; any touch, click or key counts as activity.
 * Returns the timer's state and the "I need more time" action.
 */
export function useInactivity(enabled: boolean, idleMs: number, warningMs: number, onExpire: () => void) {
  const [state, setState] = useState<InactivityState>({ phase: 'stopped', secondsLeft: 0 });
  const expireRef = useRef(onExpire);
  expireRef.current = onExpire;
  const timerRef = useRef<InactivityTimer | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const timer = new InactivityTimer({ idleMs, warningMs, onChange: setState, onExpire: () => expireRef.current() });
    timerRef.current = timer;
    const onActivity = () => timer.activity();
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true, capture: true });
    timer.start();
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity, { capture: true });
      timer.stop();
      timerRef.current = null;
    };
  }, [enabled, idleMs, warningMs]);

  return { ...state, extend: () => timerRef.current?.extend() };
}
