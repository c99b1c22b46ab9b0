import { useEffect, useState } from 'preact/hooks';
import { ErrorBoundary, NotPaired, fetchStoreLocale, loadDeviceToken, saveToken, useDeviceSocket } from '@vitrina/contracts/client';
import { kioskI18n } from './lib/i18n';
import { useT } from './lib/use-t';
import { ConnectionState } from './components/connection-state';
import { CRASH_RELOAD_MS } from './config';
import { Kiosk } from './kiosk';

// Read once, before the first render, so the token leaves the address bar at once.
const initialToken = loadDeviceToken();

export function App() {
  const { language } = useT();
  const [token, setToken] = useState(initialToken);
  const conn = useDeviceSocket('/kiosk', token);
  const pair = (raw: string) => setToken(saveToken(raw, window.localStorage));
  // The store's locale: asked at start and on every reconnect (the server may have restarted with another).
  useEffect(() => {
    if (conn.status !== 'online' && conn.status !== 'connecting') return;
    void fetchStoreLocale().then((store) => store && kioskI18n.setStore(store));
  }, [conn.status]);

  return (
    <ErrorBoundary app="kiosk" reloadAfterMs={CRASH_RELOAD_MS} language={language}>
      {conn.status === 'unpaired' ? (
        <NotPaired what="kiosk" language={language} refusal={conn.refusal} onPair={pair} />
      ) : (
        <Kiosk socket={conn.socket} online={conn.status === 'online'} />
      )}
      <ConnectionState status={conn.status} />
    </ErrorBoundary>
  );
}
