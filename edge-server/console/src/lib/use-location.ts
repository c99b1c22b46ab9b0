import { useEffect, useState } from 'preact/hooks';

/**
 * The current pathname, updated on back/forward and on navigate(). Links inside the app
 * call navigate() so pages swap without a full reload.
 */
const EVENT = 'vitrina:navigate';

export function navigate(href: string, { replace = false } = {}) {
  if (href === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event(EVENT));
}

export function useLocation(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return path;
}

/** Click handler for in-app <a>: plain left clicks navigate in place; modified clicks open tabs as usual. */
export function onLinkClick(e: MouseEvent) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.currentTarget as HTMLAnchorElement | null) ?? null;
  if (!a || a.target === '_blank') return;
  e.preventDefault();
  navigate(a.getAttribute('href') ?? '/');
}
