import { useCallback, useRef, useState } from 'preact/hooks';
import type { Reply, RouteSpec } from '@vitrina/contracts';
import { ApiError, networkError } from './api-error';
import { sendFile } from './send-file';
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
 * sent track the rows processed (sendFile).
 */
export function useUpload<R extends RawRoute>(route: R): Upload<Reply<R>> {
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const routeRef = useRef(route);

  const run = useCallback(async (file: Blob) => {
    setPending(true);
    setError(null);
    setProgress({ sent: 0, total: file.size });
    const r = routeRef.current;
    try {
      const body = await sendFile<Reply<R>>({ method: r.method, url: routeUrl(r), contentType: r.contentType, file, onProgress: (sent, total) => setProgress({ sent, total }) });
      setProgress({ sent: file.size, total: file.size });
      return body;
    } catch (err) {
      setError(err instanceof ApiError ? err : networkError());
      return null;
    } finally {
      setPending(false);
    }
  }, []);

  return { progress, pending, error, run };
}
