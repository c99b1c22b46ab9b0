import { useMemo, useState } from 'preact/hooks';
import { DEFAULT_LOOP } from './default-loop';
import { loadDeviceToken, saveToken } from './lib/device-token';
import { loopItems } from './lib/playlist';
import { useDeviceSocket } from './lib/use-device-socket';
import { usePlaylist } from './lib/use-playlist';
import { useTakeover } from './lib/use-takeover';
import { ConnectionState } from './components/connection-state';
import { ErrorBoundary } from './components/error-boundary';
import { NotPaired } from './components/not-paired';
import { SlideLoop } from './components/slide-loop';
import { Takeover } from './components/takeover';

// Read once, before the first render, so the token leaves the address bar at once.
const initialToken = loadDeviceToken();

function Player() {
  const [token, setToken] = useState(initialToken);
  const conn = useDeviceSocket(token);
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
    <ErrorBoundary>
      <Player />
    </ErrorBoundary>
  );
}
