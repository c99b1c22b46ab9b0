import type { TFunction } from 'i18next';
import type { PlaylistItem } from '@vitrina/contracts';

/**
 * Bundled with the app (and precached), so a screen that has never reached the server,
 * or whose zone has no playlist yet, still shows something worth looking at — in the store's language.
 * It makes no claim about the program (earn rate, expiry): this bundle cannot know the store's
 * settings. The server's default playlist states them from the loyalty settings
 * (edge-server/src/domains/content/default-playlist.ts), and replaces this loop once reached.
 */
// BASE_URL is "/signage/" in the app; vitest (no base) sees "/".
const BASE: string = import.meta.env?.BASE_URL ?? "/";
const img = (name: string) => `${BASE}default/${name}`;

export function defaultLoop(t: TFunction): readonly PlaylistItem[] {
  return [
    { id: 'default-welcome', kind: 'message', src: null, title: t('defaultLoop.welcomeTitle'), body: t('defaultLoop.welcomeBody'), durationMs: 8000 },
    { id: 'default-produce', kind: 'image', src: img('fresh.svg'), title: t('defaultLoop.produceTitle'), body: t('defaultLoop.produceBody'), durationMs: 8000 },
    { id: 'default-rewards', kind: 'message', src: null, title: t('defaultLoop.rewardsTitle'), body: t('defaultLoop.rewardsBody'), durationMs: 8000 },
    { id: 'default-points', kind: 'message', src: null, title: t('defaultLoop.pointsTitle'), body: t('defaultLoop.pointsBody'), durationMs: 8000 },
  ];
}
