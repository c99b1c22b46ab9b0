import { useCallback, useRef, useState } from 'preact/hooks';
import type { Reply, RouteSpec } from '@vitrina/contracts';
import { sessionStore } from './api';
import { ApiError, toApiError } from './api-error';
import { routeUrl } from './route-url';

type RawRoute = RouteSpec & { readonly contentType: string };

export interface Upload<T> {
  /** Bytes sent so far and the file size; null before a start. */
  progress: { sent: number; total: number } | null;
  pending: boolean;
  error: ApiError | null;
  run: (file: Blob) => Promise<T | null>;
}

/**
 * Uploads a file as the raw body of a contract route and reports how much has been sent. The
 * server parses an import as it arrives and holds the body back while it writes, so the bytes
 * sent track the rows processed. (fetch has no upload progress, hence XMLHttpRequest.)
 */
export function useUpload<R extends RawRoute>(route: R): Upload<Reply<R>> {
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const routeRef = useRef(route);

  const run = useCallback((file: Blob) => {
    setPending(true);
    setError(null);
    setProgress({ sent: 0, total: file.size });
    return new Promise<Reply<R> | null>((resolve) => {
      const xhr = new XMLHttpRequest();
      const r = routeRef.current;
      xhr.open(r.method, routeUrl(r));
      xhr.setRequestHeader('accept', 'application/json');
      xhr.setRequestHeader('content-type', r.contentType);
      const token = sessionStore.current?.token;
      if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (e) => setProgress({ sent: e.loaded, total: e.lengthComputable ? e.total : file.size });
      const fail = (err: ApiError) => {
        if (err.isUnauthorized && token) sessionStore.clear('expired');
        setError(err);
        setPending(false);
        resolve(null);
      };
      xhr.onerror = () => fail(new ApiError(0, 'CONSOLE_NETWORK', 'The server could not be reached. Check the connection and try again.'));
      xhr.onload = () => {
        let body: unknown;
        try {
          body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
        } catch {
          body = undefined;
        }
        if (xhr.status < 200 || xhr.status >= 300) return fail(toApiError(xhr.status, body));
        if (body === undefined) return fail(new ApiError(xhr.status, 'CONSOLE_BAD_RESPONSE', 'The server sent an answer the console cannot read.'));
        setProgress({ sent: file.size, total: file.size });
        setPending(false);
        resolve(body as Reply<R>);
      };
      xhr.send(file);
    });
  }, []);

  return { progress, pending, error, run };
}
