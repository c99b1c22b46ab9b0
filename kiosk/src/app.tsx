import { useState } from 'preact/hooks';
import { loadDeviceToken, saveToken } from './lib/device-token';
import { useDeviceSocket } from './lib/use-device-socket';
import { ConnectionState } from './components/connection-state';
import { ErrorBoundary } from './components/error-boundary';
import { NotPaired } from './components/not-paired';
import { Kiosk } from './kiosk';

// Read once, before the first render, so the token leaves the address bar at once.
const initialToken = loadDeviceToken();

export function App() {
  const [token, setToken] = useState(initialToken);
  const conn = useDeviceSocket(token);
  const pair = (raw: string) => setToken(saveToken(raw, window.localStorage));

  return (
    <ErrorBoundary>
      {conn.status === 'unpaired' ? (
        <NotPaired what="kiosk" refusal={conn.refusal} onPair={pair} />
      ) : (
        <Kiosk socket={conn.socket} online={conn.status === 'online'} />
      )}
      <ConnectionState status={conn.status} />
    </ErrorBoundary>
  );
}
