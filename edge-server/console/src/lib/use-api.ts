import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Reply, RequestParts } from '@vitrina/contracts';
import { api } from './api';
import type { CallArgs, JsonRoute } from './api-client';
import { ApiError } from './api-error';
import { routeUrl } from './route-url';

export interface Query<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  loading: boolean;
  /** Fetches again; the current data stays on screen meanwhile. */
  reload: () => void;
}

/** A route the console reads with useApi. */
export type GetRoute = JsonRoute & { readonly method: 'GET' };

/** The route's params and query, plus: `refreshMs` to poll, `skip` to not fetch (yet). */
export type QueryOptions<R extends GetRoute> = RequestParts<R> & { refreshMs?: number; skip?: boolean };
type QueryArgs<R extends GetRoute> = Partial<QueryOptions<R>> extends QueryOptions<R> ? [options?: QueryOptions<R>] : [options: QueryOptions<R>];

/**
 * GETs a route of the contract map: `useApi(ROUTES.customers.get, { params: { id } })`.
 * `refreshMs` re-polls in the background, which is how device presence and health stay fresh
 * without a console socket. A change of URL (params, query) drops the old data and refetches.
 */
export function useApi<R extends GetRoute>(route: R, ...[options]: QueryArgs<R>): Query<Reply<R>> {
  type T = Reply<R>;
  const refreshMs = options?.refreshMs;
  // The URL stands for the request: effects rerun when it changes, not on each new options object.
  const path = options?.skip ? null : routeUrl(route, options);
  const latest = useRef({ route, options });
  latest.current = { route, options };
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | Error | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const lastPath = useRef(path);

  useEffect(() => {
    if (path === null) return;
    if (lastPath.current !== path) {
      lastPath.current = path;
      setData(undefined);
    }
    const ctrl = new AbortController();
    setLoading(true);
    const { route: r, options: o } = latest.current;
    api
      .call(r, ...([{ params: o?.params, query: o?.query, signal: ctrl.signal }] as CallArgs<R>))
      .then((d) => {
        setData(d);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(e instanceof Error ? e : new Error(String(e)));
      })
      .finally(() => {
        if (!ctrl.signal.aborted) setLoading(false);
      });
    return () => ctrl.abort();
  }, [path, tick]);

  useEffect(() => {
    if (!refreshMs || path === null) return;
    const id = setInterval(() => setTick((n) => n + 1), refreshMs);
    return () => clearInterval(id);
  }, [refreshMs, path]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}

export interface Action<A extends unknown[], R> {
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  error: ApiError | Error | undefined;
  reset: () => void;
}

/** A mutation (POST/PUT) with its pending and error state; `run` resolves undefined on failure. */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): Action<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | Error | undefined>(undefined);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const run = useCallback(async (...args: A) => {
    setPending(true);
    setError(undefined);
    try {
      return await fnRef.current(...args);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  const reset = useCallback(() => setError(undefined), []);
  return { run, pending, error, reset };
}
