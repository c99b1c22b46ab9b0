/**
 * A tiny path router: the console has a handful of flat pages, so a route table plus
 * pattern matching is all it needs (no nested layouts, no loaders).
 * Patterns are relative to the app's base ('/console/'): '' is the home page,
 * 'campaigns/:id' captures one segment.
 */
export interface Match {
  pattern: string;
  params: Record<string, string>;
}

function segments(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/** '/console/devices/?x=1' with base '/console/' → 'devices'. Paths outside the base → null. */
export function relativePath(pathname: string, base: string): string | null {
  const b = base.endsWith('/') ? base : `${base}/`;
  const p = pathname.endsWith('/') ? pathname : `${pathname}/`;
  if (!p.startsWith(b)) return null;
  return segments(p.slice(b.length)).join('/');
}

export function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = segments(pattern);
  const got = segments(path);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

/** First pattern that matches wins, so list specific patterns before general ones. */
export function matchRoute<R extends { path: string }>(routes: readonly R[], path: string): { route: R; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = matchPattern(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

/** Builds an href under the base: hrefFor('/console/', 'campaigns/:id', { id: 'c 1' }) → '/console/campaigns/c%201'. */
export function hrefFor(base: string, pattern: string, params: Record<string, string> = {}): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const path = segments(pattern)
    .map((s) => {
      if (!s.startsWith(':')) return s;
      const v = params[s.slice(1)];
      if (v === undefined) throw new Error(`Missing route parameter ${s}`);
      return encodeURIComponent(v);
    })
    .join('/');
  return `${b}${path}`;
}
