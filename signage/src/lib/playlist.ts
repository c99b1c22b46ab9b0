import type { Playlist, PlaylistItem } from '@vitrina/contracts';

/**
 * Pure playlist logic for the loop: which items can play, where to resume when the
 * playlist changes under a running loop, and checks for a playlist read back from storage.
 */
const KINDS: ReadonlySet<string> = new Set(['image', 'video', 'message']);
export const MIN_ITEM_MS = 1000;
export const MAX_ITEM_MS = 600_000;

function isItem(x: unknown): x is PlaylistItem {
  if (typeof x !== 'object' || x === null) return false;
  const i = x as Record<string, unknown>;
  return (
    typeof i['id'] === 'string' &&
    typeof i['kind'] === 'string' &&
    KINDS.has(i['kind']) &&
    (i['src'] === null || typeof i['src'] === 'string') &&
    typeof i['title'] === 'string' &&
    typeof i['body'] === 'string' &&
    typeof i['durationMs'] === 'number' &&
    Number.isFinite(i['durationMs'])
  );
}

/** Accepts a playlist only if its shape is right; anything else (old format, corruption) is null. */
export function parsePlaylist(x: unknown): Playlist | null {
  if (typeof x !== 'object' || x === null) return null;
  const p = x as Record<string, unknown>;
  if (typeof p['zoneId'] !== 'string' || typeof p['version'] !== 'string' || !Array.isArray(p['items'])) return null;
  if (!p['items'].every(isItem)) return null;
  return { zoneId: p['zoneId'], version: p['version'], items: p['items'] };
}

/** An item can play when it has what its kind needs. */
function playable(item: PlaylistItem): boolean {
  if (item.kind === 'message') return item.title.trim().length > 0 || item.body.trim().length > 0;
  return typeof item.src === 'string' && item.src.length > 0;
}

/** The items to loop: the playlist's playable ones, or the bundled default loop if none. */
export function loopItems(playlist: Playlist | null, fallback: readonly PlaylistItem[]): readonly PlaylistItem[] {
  const items = playlist?.items.filter(playable) ?? [];
  return items.length > 0 ? items : fallback;
}

/** Anything the loop steps through: playlist items and layout slides alike. */
export interface LoopEntry {
  id: string;
  durationMs: number;
}

export function itemDuration(item: LoopEntry): number {
  return Math.min(MAX_ITEM_MS, Math.max(MIN_ITEM_MS, item.durationMs));
}

export function nextIndex(index: number, length: number): number {
  return length === 0 ? 0 : (index + 1) % length;
}

/**
 * When a new playlist arrives mid-loop, keep showing the same item if it is still there
 * (no jarring jump); otherwise start the new loop from the top.
 */
export function resumeIndex(currentId: string | null, items: readonly LoopEntry[]): number {
  if (currentId === null) return 0;
  const i = items.findIndex((it) => it.id === currentId);
  return i < 0 ? 0 : i;
}

/**
 * The item to switch to after `fromIndex`: the next one around the loop that `canPlay`
 * (e.g. its media is already cached). If none can, the current one stays (`fromIndex`), or
 * -1 when nothing at all can play — the caller then shows its fallback, never a blank screen.
 */
export function nextPlayableIndex<T extends LoopEntry>(fromIndex: number, items: readonly T[], canPlay: (item: T) => boolean): number {
  for (let step = 1; step <= items.length; step++) {
    const i = (Math.max(fromIndex, -1) + step + items.length) % items.length;
    const it = items[i];
    if (it && canPlay(it)) return i;
  }
  return -1;
}
