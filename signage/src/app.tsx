import { useEffect, useMemo, useState } from 'preact/hooks';
import { defaultLoop } from './default-loop';
import { ErrorBoundary, NotPaired, fetchStoreLocale, loadDeviceToken, saveToken, useDeviceSocket } from '@vitrina/contracts/client';
import { signageI18n } from './lib/i18n';
import { useT } from './lib/use-t';
import { CRASH_RELOAD_MS } from './config';
import { loopItems } from './lib/playlist';
import { usePlaylist } from './lib/use-playlist';
import { useTakeover } from './lib/use-takeover';
import { ConnectionState } from './components/connection-state';
import { SlideLoop } from './components/slide-loop';
import { Takeover } from './components/takeover';

// Read once, before the first render, so the token leaves the address bar at once.
const initialToken = loadDeviceToken();

function Player() {
  const [token, setToken] = useState(initialToken);
  const conn = useDeviceSocket('/signage', token);
  const playlist = usePlaylist(conn.socket);
  const takeover = useTakeover(conn.socket);
  const { t } = useT();
  const items = useMemo(() => loopItems(playlist, defaultLoop(t)), [playlist, t]);
  // The store's locale: asked at start and on every reconnect; the cached one plays offline.
  useEffect(() => {
    if (conn.status !== 'online' && conn.status !== 'connecting') return;
    void fetchStoreLocale().then((store) => store && signageI18n.setStore(store));
  }, [conn.status]);

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
      <SlideLoop items={items} />
      {takeover && <Takeover takeover={takeover} />}
      <ConnectionState status={conn.status} />
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
