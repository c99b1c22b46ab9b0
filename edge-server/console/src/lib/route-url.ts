import type { RouteSpec } from '@vitrina/contracts';

type Scalar = string | number | boolean | undefined | null;

/** A query string from defined values only: queryString({ from: '2026-01-01', to: undefined }) → '?from=2026-01-01'. */
export function queryString(query: Readonly<Record<string, Scalar>> | undefined): string {
  const entries = Object.entries(query ?? {}).filter((e): e is [string, string | number | boolean] => e[1] !== undefined && e[1] !== null && e[1] !== '');
  if (entries.length === 0) return '';
  return `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}

/**
 * The origin-relative URL of a route of the contract map: each `:name` of its path replaced by
 * that param, URI-encoded (ids typed by staff may hold anything), then the query string.
 */
export function routeUrl(route: RouteSpec, parts: { params?: object; query?: object } = {}): string {
  const params = (parts.params ?? {}) as Record<string, Scalar>;
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    // The types make this unreachable; a blank would silently call another route.
    if (value === undefined || value === null || value === '') throw new Error(`${route.method} ${route.path} needs the :${name} param`);
    return encodeURIComponent(String(value));
  });
  return path + queryString(parts.query as Record<string, Scalar> | undefined);
}
