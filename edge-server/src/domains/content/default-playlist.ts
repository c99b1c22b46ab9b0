import type { PlaylistItem } from '@vitrina/contracts';

/** What a zone's screens loop until staff publish their own playlist. */
export const DEFAULT_PLAYLIST_ITEMS: PlaylistItem[] = [
  { id: 'welcome', kind: 'message', src: null, title: 'Welcome to Vitrina Market', body: 'Fresh every morning. Scan your loyalty card at the kiosk for offers picked for you.', durationMs: 8000 },
  { id: 'produce', kind: 'image', src: '/media/produce.svg', title: 'Seasonal produce', body: 'Local apples, pears and squash are in.', durationMs: 8000 },
  { id: 'points', kind: 'message', src: null, title: 'Every purchase earns points', body: 'Points never expire while you shop with us at least once a year.', durationMs: 8000 },
  { id: 'bakery', kind: 'image', src: '/media/bakery.svg', title: 'From our bakery', body: 'Sourdough out of the oven at 7, 11 and 4.', durationMs: 8000 },
];
