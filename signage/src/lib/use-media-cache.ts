import { useEffect, useState } from 'preact/hooks';
import type { ManifestEntry } from '@vitrina/contracts';
import { isCached, loadCachedSet, prefetchMedia, type CacheState } from './media-cache';
import { countError } from '@vitrina/contracts/client';

/**
 * Precache before play: whenever the manifest changes, fetch every file it lists that is not
 * cached yet (in the background, two at a time). The state re-renders the player as files
 * arrive, so a layout waiting for its media switches in as soon as they are there.
 */
export function useMediaCache(manifest: readonly ManifestEntry[] | null, online: boolean): CacheState {
  const [state, setState] = useState<CacheState>({ total: 0, cached: 0, failed: 0, busy: false });
  const urls = (manifest ?? []).map((m) => m.url);
  const key = urls.join('\n');

  useEffect(() => {
    let live = true;
    void (async () => {
      await loadCachedSet().catch(() => undefined);
      if (!live) return;
      // Offline: report what is there; the download waits for the next connect.
      if (!online) {
        setState({ total: urls.length, cached: urls.filter((u) => isCached(u)).length, failed: 0, busy: false });
        return;
      }
      const done = await prefetchMedia(urls, (s) => live && setState(s));
      if (done.failed > 0) countError();
    })();
    return () => {
      live = false;
    };
  }, [key, online]);

  return state;
}
