import { useMemo, useState } from 'preact/hooks';
import { DEFAULT_LOOP } from './default-loop';
import { ErrorBoundary, NotPaired, loadDeviceToken, saveToken, useDeviceSocket } from '@vitrina/contracts/client';
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
  const items = useMemo(() => loopItems(playlist, DEFAULT_LOOP), [playlist]);

  if (conn.status === 'unpaired') {
    return (
      <>
        <NotPaired what="screen" refusal={conn.refusal} onPair={(raw) => setToken(saveToken(raw, window.localStorage))} />
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
  return (
    <ErrorBoundary app="signage" reloadAfterMs={CRASH_RELOAD_MS}>
      <Player />
    </ErrorBoundary>
  );
}
