import { AppShell } from './components/app-shell';
import { ErrorBoundary } from './components/error-boundary';
import { LazyPage } from './components/lazy-page';
import { Login } from './components/login';
import { Loading } from './components/query-view';
import { relativePath, matchRoute } from './lib/router';
import { useAuth, useVerifySession } from './lib/use-auth';
import { useLocation } from './lib/use-location';
import { isAllowed, NOT_FOUND, routesForServer } from './routes';
import { useEffect, useState } from 'preact/hooks';
import { loadServerRole } from './lib/server-role';
import { loadStoreLocale } from './lib/i18n';
import { useT } from './lib/use-t';

export const BASE = import.meta.env.BASE_URL;

/** Signed out → sign-in screen. Signed in → the shell with the page the URL names. */
export function App() {
  const auth = useAuth();
  const verified = useVerifySession();
  const pathname = useLocation();
  // Re-rendering from the top on a language change redraws every page, also the ones not yet translated
  // through useT (lib/format.ts reads the language at render time).
  const { t } = useT();
  useEffect(() => void loadStoreLocale(), []);
  // Store or head office: decides which pages exist (routes.ts), asked once before the first page.
  const [roleKnown, setRoleKnown] = useState(false);
  useEffect(() => void loadServerRole().then(() => setRoleKnown(true)), []);

  if (!verified || !roleKnown) return <Loading label={t('common.checkingSession')} />;
  if (!auth.user) return <Login reason={auth.signOutReason} onSignIn={auth.signIn} />;

  const rel = relativePath(pathname, BASE) ?? '';
  const matched = matchRoute(routesForServer(), rel);
  const route = matched && isAllowed(matched.route, auth.user.role) ? matched.route : NOT_FOUND;
  const params = matched?.params ?? {};

  return (
    <AppShell user={auth.user} base={BASE} current={route} onSignOut={auth.signOut}>
      <ErrorBoundary resetKey={pathname}>
        <LazyPage key={route.id} route={route} params={params} />
      </ErrorBoundary>
    </AppShell>
  );
}
