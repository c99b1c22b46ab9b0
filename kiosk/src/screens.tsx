import { lazy } from 'preact/compat';
import type { ComponentType } from 'preact';
import type { KioskState, Screen } from './lib/kiosk-state';
import type { KioskActions } from './lib/use-kiosk';
import Attract from './components/attract';

export interface ScreenProps {
  state: KioskState;
  actions: KioskActions;
}

/**
 * The kiosk's one screen table. The attract screen ships in the main bundle so it paints
 * at once; the others load on first use (and are precached by the service worker).
 */
export const SCREENS: Record<Screen, ComponentType<ScreenProps>> = {
  attract: Attract,
  keypad: lazy(() => import('./components/keypad')),
  session: lazy(() => import('./components/session')),
  unknown: lazy(() => import('./components/enroll')),
  'my-card': lazy(() => import('./components/my-card')),
  survey: lazy(() => import('./components/survey')),
};

/** Screens watched by the inactivity timer: everything that belongs to a shopper. */
export const TIMED_SCREENS: ReadonlySet<Screen> = new Set(['keypad', 'session', 'unknown', 'my-card', 'survey']);
