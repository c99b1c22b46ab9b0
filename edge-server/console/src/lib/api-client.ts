import type { Reply, RequestParts, RouteSpec } from '@vitrina/contracts';
import { ApiError, networkError, toApiError } from './api-error';
import { routeUrl } from './route-url';

export interface ApiClientOptions {
  /** Returns the current bearer token, or null when signed out. */
  getToken: () => string | null;
  /** Called once per 401 answer so the app can drop the session and show sign-in. */
  onUnauthorized: () => void;
  fetchImpl?: typeof fetch;
  /** Origin-relative by default; tests point it at a real server. */
  baseUrl?: string;
}

/** A route whose body (if any) is JSON: every route but the raw uploads. */
export type JsonRoute = RouteSpec & { readonly contentType?: undefined };
/** A route whose body is sent as is, with the content type the map gives it (the CSV import). */
export type RawRoute = RouteSpec & { readonly contentType: string };

/** What a call passes besides the route: the parts the route declares, and an abort signal. */
export type CallParts<R extends RouteSpec> = RequestParts<R> & { signal?: AbortSignal };
/** The parts may be left out when the route needs none. */
export type CallArgs<R extends RouteSpec> = Partial<CallParts<R>> extends CallParts<R> ? [parts?: CallParts<R>] : [parts: CallParts<R>];

interface Parts {
  params?: object;
  query?: object;
  body?: unknown;
  signal?: AbortSignal;
}

export interface ApiClient {
  /** Calls a route of the contract map: `api.call(ROUTES.customers.get, { params: { id } })` → its 2xx body. */
  call<R extends JsonRoute>(route: R, ...args: CallArgs<R>): Promise<Reply<R>>;
  /** POSTs `data` as the body of a raw route (a File the browser streams from disk, or text) with the route's content type. */
  upload<R extends RawRoute>(route: R, data: string | Blob, ...args: CallArgs<R>): Promise<Reply<R>>;
}

/** A body sent verbatim instead of as JSON. */
class RawBody {
  constructor(readonly data: string | Blob, readonly contentType: string) {}
}

/**
 * A small JSON client for the edge server: builds each URL from the contract map, adds the
 * bearer token, parses JSON, and turns every failure into an ApiError (see api-error.ts).
 * A 401 also signs the user out.
 */
export function createApiClient({ getToken, onUnauthorized, fetchImpl, baseUrl = '' }: ApiClientOptions): ApiClient {
  const doFetch = fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request(route: RouteSpec, parts: Parts, raw?: RawBody): Promise<unknown> {
    // A POST/PUT without a body still sends `{}`: the server refuses an empty JSON body.
    const body = raw ?? (route.method === 'GET' || route.method === 'DELETE' ? parts.body : (parts.body ?? {}));
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = getToken();
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = body instanceof RawBody ? body.contentType : 'application/json';
    const payload = body === undefined ? undefined : body instanceof RawBody ? body.data : JSON.stringify(body);

    let res: Response;
    try {
      res = await doFetch(`${baseUrl}${routeUrl(route, parts)}`, { method: route.method, headers, body: payload, signal: parts.signal });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw networkError();
    }

    const text = await res.text();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!res.ok) {
      const error = toApiError(res.status, parsed);
      // Only a 401 with a token means "your session ended"; a failed login is also a 401
      // but must stay on the form with its message.
      if (error.isUnauthorized && token) onUnauthorized();
      throw error;
    }
    if (text && parsed === undefined) throw new ApiError(res.status, 'CONSOLE_BAD_RESPONSE', 'The server sent an answer the console cannot read.');
    return parsed;
  }

  return {
    call: <R extends JsonRoute>(route: R, ...[parts]: CallArgs<R>) => request(route, (parts ?? {}) as Parts) as Promise<Reply<R>>,
    upload: <R extends RawRoute>(route: R, data: string | Blob, ...[parts]: CallArgs<R>) =>
      request(route, (parts ?? {}) as Parts, new RawBody(data, route.contentType)) as Promise<Reply<R>>,
  };
}
