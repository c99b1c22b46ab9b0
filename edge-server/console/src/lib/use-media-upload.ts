import { useCallback, useState } from 'preact/hooks';
import { ROUTES, type MediaItem } from '@vitrina/contracts';
import { ApiError, networkError } from './api-error';
import { routeUrl } from './route-url';
import { sendFile } from './send-file';

export interface MediaUpload {
  /** The file being sent and how much of it has gone; null when idle. */
  progress: { name: string; sent: number; total: number } | null;
  error: ApiError | null;
  /** Sends the files one after another (multipart, one file per request); resolves with those stored. */
  run: (files: readonly File[]) => Promise<MediaItem[]>;
}

/** Uploads files to the media library with progress (XMLHttpRequest upload events through sendFile). */
export function useMediaUpload(): MediaUpload {
  const [progress, setProgress] = useState<MediaUpload['progress']>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (files: readonly File[]) => {
    setError(null);
    const stored: MediaItem[] = [];
    try {
      for (const file of files) {
        setProgress({ name: file.name, sent: 0, total: file.size });
        const form = new FormData();
        form.append('file', file, file.name);
        const route = ROUTES.media.upload;
        stored.push(await sendFile<MediaItem>({
          method: route.method, url: routeUrl(route), contentType: route.contentType, file: form,
          onProgress: (sent, total) => setProgress({ name: file.name, sent, total: total || file.size }),
        }));
      }
    } catch (err) {
      setError(err instanceof ApiError ? err : networkError());
    } finally {
      setProgress(null);
    }
    return stored;
  }, []);
  return { progress, error, run };
}
