/**
 * Precache before play: the media of everything the schedule can play soon are fetched in the
 * background into the same Cache Storage cache the service worker's CacheFirst `/media/` route
 * reads (see `@vitrina/contracts/vite-pwa`), so an item plays from cache even the first time
 * and with the edge server gone. The player asks `isCached` before it switches to an item.
 */
export const MEDIA_CACHE = 'vitrina-signage-media';
/** Downloads at once: a store's screens share one edge server and one Wi-Fi. */
const PARALLEL = 2;

export interface CacheState {
  /** Media the manifest lists. */
  total: number;
  cached: number;
  failed: number;
  /** True while downloads are still running. */
  busy: boolean;
}

/** The cached set, kept in memory so the player can ask synchronously at an item boundary. */
const known = new Set<string>();

function key(url: string): string {
  return new URL(url, location.href).href;
}

export function isCached(url: string | null | undefined): boolean {
  return typeof url === 'string' && known.has(key(url));
}

/** Fills the in-memory set from what Cache Storage already holds (a screen that rebooted offline). */
export async function loadCachedSet(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const cache = await caches.open(MEDIA_CACHE);
  for (const req of await cache.keys()) known.add(req.url);
}

async function fetchInto(cache: Cache, url: string): Promise<boolean> {
  const k = key(url);
  if (known.has(k) || (await cache.match(k))) {
    known.add(k);
    return true;
  }
  try {
    const res = await fetch(k, { credentials: 'same-origin' });
    if (!res.ok) return false;
    await cache.put(k, res);
    known.add(k);
    return true;
  } catch {
    return false; // offline or server gone: tried again with the next manifest/reconnect
  }
}

/**
 * Downloads every url not cached yet, `PARALLEL` at a time, reporting progress after each.
 * Failures are counted, not thrown: the screen keeps playing what it has.
 */
export async function prefetchMedia(urls: readonly string[], onProgress: (s: CacheState) => void): Promise<CacheState> {
  const unique = [...new Set(urls)];
  const state: CacheState = { total: unique.length, cached: 0, failed: 0, busy: unique.length > 0 };
  if (typeof caches === 'undefined') return { ...state, failed: state.total, busy: false };
  const cache = await caches.open(MEDIA_CACHE);
  const queue = [...unique];
  onProgress({ ...state });
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      if (await fetchInto(cache, url)) state.cached += 1;
      else state.failed += 1;
      onProgress({ ...state, busy: state.cached + state.failed < state.total });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  state.busy = false;
  return { ...state };
}
