import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PageProps, RouteDef } from '../../routes';
import { ErrorNotice, Loading } from '../query-view';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';

const loaded = new Map<string, ComponentType<PageProps>>();

/**
 * Loads a route's page chunk on first visit (then keeps it), and moves focus to the page's
 * h1 so keyboard and screen-reader users land on the new content.
 */
export function LazyPage({ route, params }: { route: RouteDef; params: Record<string, string> }) {
  const { t } = useT();
  const title = routeTitle(route, t);
  const [Page, setPage] = useState<ComponentType<PageProps> | undefined>(() => loaded.get(route.id));
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    const cached = loaded.get(route.id);
    if (cached) {
      setPage(() => cached);
      return;
    }
    let live = true;
    setPage(undefined);
    setError(null);
    route
      .load()
      .then((m) => {
        loaded.set(route.id, m.default);
        if (live) setPage(() => m.default);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e : new Error('The page could not be loaded.')));
    return () => {
      live = false;
    };
  }, [route]);

  useEffect(() => {
    if (!Page) return;
    document.title = `${title} · ${t('shell.titleSuffix')}`;
    const h1 = document.querySelector<HTMLElement>('[data-page-title]');
    // After a nav click focus would stay on the link; move it to the new page's heading
    // (but never steal it from a field the user is already typing in).
    const active = document.activeElement;
    if (h1 && (!active || active === document.body || active.closest('nav'))) h1.focus();
  }, [Page, route, title, t]);

  if (error) return <ErrorNotice error={new Error(t('common.pageLoadFailed', { page: title, message: error.message }))} onRetry={() => location.reload()} />;
  if (!Page) return <Loading label={t('common.loadingPage', { page: title })} />;
  return <Page params={params} />;
}
