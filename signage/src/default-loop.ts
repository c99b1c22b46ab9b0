import type { PlaylistItem } from '@vitrina/contracts';

/**
 * Bundled with the app (and precached), so a screen that has never reached the server,
 * or whose zone has no playlist yet, still shows something worth looking at.
 */
// BASE_URL is "/signage/" in the app; vitest (no base) sees "/".
const BASE: string = import.meta.env?.BASE_URL ?? "/";
const img = (name: string) => `${BASE}default/${name}`;

export const DEFAULT_LOOP: readonly PlaylistItem[] = [
  {
    id: 'default-welcome',
    kind: 'message',
    src: null,
    title: 'Fresh picks, every day',
    body: 'Seasonal produce, bakery and deli favourites — all through the store.',
    durationMs: 8000,
  },
  {
    id: 'default-produce',
    kind: 'image',
    src: img('fresh.svg'),
    title: 'Straight from the farm',
    body: 'Our produce arrives every morning.',
    durationMs: 8000,
  },
  {
    id: 'default-rewards',
    kind: 'message',
    src: null,
    title: 'Scan your card at the kiosk',
    body: 'See your points and offers picked for you — then add them to your card in one tap.',
    durationMs: 8000,
  },
  {
    id: 'default-points',
    kind: 'message',
    src: null,
    title: 'Points on every shop',
    body: 'Join Vitrina Rewards at any kiosk. It takes less than a minute.',
    durationMs: 8000,
  },
];
