import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { DeviceCurrentItem, ManifestEntry, Slide } from '@vitrina/contracts';
import { ErrorBoundary, NotPaired, fetchStoreLocale, loadDeviceToken, saveToken, useDeviceSocket, useFleetStatus, useRemoteScreenshot } from '@vitrina/contracts/client';
import { defaultLoop } from './default-loop';
import { signageI18n } from './lib/i18n';
import { useT } from './lib/use-t';
import { ACK_TIMEOUT_MS, APP_VERSION, CRASH_RELOAD_MS } from './config';
import { loopItems } from './lib/playlist';
import { usePlaylist } from './lib/use-playlist';
import { useTakeover } from './lib/use-takeover';
import { useSnapshot } from './lib/use-snapshot';
import { usePlan } from './lib/use-plan';
import { useMediaCache } from './lib/use-media-cache';
import { isCached } from './lib/media-cache';
import { canPlaySlide, loopLayout, playReason, slideName } from './lib/content';
import { screenClock } from './lib/screen-clock';
import { useProofOfPlay } from './lib/use-proof-of-play';
import { useTakeoverPlays } from './lib/use-takeover-plays';
import { useServiceWorkerUpdate } from './lib/use-sw-update';
import type { LoopOptions } from './lib/use-loop';
import { ConnectionState } from './components/connection-state';
import { LayoutView } from './components/layout-view';
import { SleepScreen } from './components/sleep-screen';
import { Takeover } from './components/takeover';

// Read once, before the first render, so the token leaves the address bar at once.
const initialToken = loadDeviceToken();
const now = () => screenClock.now();

function Player() {
  const [token, setToken] = useState(initialToken);
  const conn = useDeviceSocket('/signage', token);
  const playlist = usePlaylist(conn.socket);
  const snapshot = useSnapshot(conn.socket);
  const takeover = useTakeover(conn.socket);
  const { t } = useT();
  const online = conn.status === 'online';

  // Precache before play: the snapshot's 48 h manifest (or, from a server without snapshots, the playlist's media).
  const manifest = useMemo<ManifestEntry[]>(
    () =>
      snapshot?.manifest ??
      (playlist?.items ?? []).flatMap((i) => (i.kind !== 'message' && i.src ? [{ url: i.src, sha256: null, mediaId: null, kind: i.kind }] : [])),
    [snapshot, playlist],
  );
  const cache = useMediaCache(manifest, online);
  const plan = usePlan(snapshot, screenClock, cache.cached);
  const { record, recorded } = useProofOfPlay(conn.socket);
  const sw = useServiceWorkerUpdate();
  useRemoteScreenshot(conn.socket, ACK_TIMEOUT_MS);
  const [current, setCurrent] = useState<DeviceCurrentItem | null>(null);
  useFleetStatus(conn.socket, APP_VERSION, ACK_TIMEOUT_MS, current, { itemsCached: cache.cached, itemsTotal: cache.total, bytes: 0 });

  // The store's locale: asked at start and on every reconnect; the cached one plays offline.
  useEffect(() => {
    if (conn.status !== 'online' && conn.status !== 'connecting') return;
    void fetchStoreLocale().then((store) => store && signageI18n.setStore(store));
  }, [conn.status]);

  // No ready plan (no snapshot yet, or its first layout's media still downloading): the classic
  // playlist or the bundled default loop — never a blank screen.
  const fallback = useMemo(() => loopLayout(playlist ? `playlist:${playlist.zoneId}` : 'default-loop', loopItems(playlist, defaultLoop(t))), [playlist, t]);
  const playing = plan?.state === 'play' ? plan : null;
  const layout = playing?.layout ?? fallback;
  const reason = playReason(playing ? playing.source : snapshot || !playlist ? 'fallback' : 'scheduled');
  const zoneId = snapshot?.zoneId ?? playlist?.zoneId ?? 'unknown';

  const canPlay = useCallback((s: Slide) => canPlaySlide(s, isCached), [cache.cached]);
  const loopFor = (regionId: string): LoopOptions<Slide> => ({
    canPlay,
    now,
    onPlayed: (slide, startedAt, endedAt) =>
      record({
        itemId: slide.id,
        itemName: slideName(slide),
        itemKind: slide.kind,
        mediaHash: slide.kind === 'image' || slide.kind === 'video' ? slide.media.sha256 : null,
        layoutId: layout.id.slice(0, 64),
        regionId,
        zoneId,
        reason,
        takeoverId: null,
        startedAt: new Date(startedAt).toISOString(),
        endedAt: new Date(endedAt).toISOString(),
      }),
    ...(regionId === 'main'
      ? {
          onShow: (slide: Slide) => setCurrent({ itemId: slide.id, itemName: slideName(slide), itemKind: slide.kind }),
          onBoundary: sw.atBoundary,
        }
      : {}),
  });

  // Emergency (and sleep) suppress takeovers: the emergency wins over everything.
  const shownTakeover = takeover && !plan?.suppressTakeovers ? takeover : null;
  useTakeoverPlays(shownTakeover, record, now);

  if (conn.status === 'unpaired') {
    return (
      <>
        <NotPaired what="screen" language={signageI18n.current().language} refusal={conn.refusal} onPair={(raw) => setToken(saveToken(raw, window.localStorage))} />
        <ConnectionState status={conn.status} />
      </>
    );
  }
  return (
    <>
      {plan?.state === 'sleep' ? (
        <SleepScreen windowId={plan.powerWindowId} />
      ) : (
        <LayoutView layout={layout} template={playing?.template ?? { id: 'full', regions: [{ id: 'main', geometry: { x: 0, y: 0, width: 100, height: 100 }, accepts: [] }] }} boards={snapshot?.boards ?? null} loopFor={loopFor} />
      )}
      {shownTakeover && <Takeover takeover={shownTakeover} />}
      <ConnectionState status={conn.status} />
      {/* For tests and the fleet: what the screen is doing, readable without looking at pixels. */}
      <div hidden data-testid="player-state" data-source={playing ? playing.source : plan?.state === 'sleep' ? 'sleep' : 'fallback'} data-plan-key={plan?.key ?? ''} data-cache-total={cache.total} data-cache-cached={cache.cached} data-cache-failed={cache.failed} data-cache-busy={String(cache.busy)} data-plays-recorded={recorded} data-media={manifest.map((m) => m.url).join(' ')} />
    </>
  );
}

export function App() {
  const { language } = useT();
  return (
    <ErrorBoundary app="signage" reloadAfterMs={CRASH_RELOAD_MS} language={language}>
      <Player />
    </ErrorBoundary>
  );
}
