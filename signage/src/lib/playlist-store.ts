import type { Playlist } from '@vitrina/contracts';
import { parsePlaylist } from './playlist';

/** The last playlist the server sent, so a screen that restarts offline still plays it. */
export const PLAYLIST_STORAGE_KEY = 'vitrina.playlist';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export function loadPlaylist(store: Store): Playlist | null {
  try {
    const raw = store.getItem(PLAYLIST_STORAGE_KEY);
    return raw ? parsePlaylist(JSON.parse(raw)) : null;
  } catch {
    return null; // unreadable JSON: play the default loop rather than nothing
  }
}

export function savePlaylist(store: Store, playlist: Playlist): void {
  try {
    store.setItem(PLAYLIST_STORAGE_KEY, JSON.stringify(playlist));
  } catch {
    // Storage full or disabled: the loop still plays from memory.
  }
}
