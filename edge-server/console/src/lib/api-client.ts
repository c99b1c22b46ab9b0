import { ApiError, networkError, toApiError } from './api-error';

export interface ApiClientOptions {
  /** Returns the current bearer token, or null when signed out. */
  getToken: () => string | null;
  /** Called once per 401 answer so the app can drop the session and show sign-in. */
  onUnauthorized: () => void;
  fetchImpl?: typeof fetch;
  /** Origin-relative by default; tests point it at a real server. */
  baseUrl?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClient {
  request<T>(method: HttpMethod, path: string, body?: unknown, signal?: AbortSignal): Promise<T>;
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  /** POSTs a body as is (CSV text, or a File the browser streams from disk), with its content type. */
  upload<T>(path: string, body: string | Blob, contentType: string): Promise<T>;
}

/** A body sent verbatim instead of as JSON. */
class RawBody {
  constructor(readonly data: string | Blob, readonly contentType: string) {}
}

/**
 * A small JSON client for the edge server: adds the bearer token, parses JSON, and turns
 * every failure into an ApiError (see api-error.ts). A 401 also signs the user out.
 */
export function createApiClient({ getToken, onUnauthorized, fetchImpl, baseUrl = '' }: ApiClientOptions): ApiClient {
  const doFetch = fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request<T>(method: HttpMethod, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = getToken();
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = body instanceof RawBody ? body.contentType : 'application/json';
    const payload = body === undefined ? undefined : body instanceof RawBody ? body.data : JSON.stringify(body);

    let res: Response;
    try {
      res = await doFetch(`${baseUrl}${path}`, { method, headers, body: payload, signal });
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
    return parsed as T;
  }

  return {
    request,
    get: (path, signal) => request('GET', path, undefined, signal),
    post: (path, body) => request('POST', path, body ?? {}),
    put: (path, body) => request('PUT', path, body),
    upload: (path, data, contentType) => request('POST', path, new RawBody(data, contentType)),
  };
}
