import { sessionStore } from './api';
import { ApiError, networkError, toApiError } from './api-error';

/**
 * Downloads a file from an authenticated route with the session's token (a plain link cannot
 * send the bearer header): fetched, then handed to the browser as a download named by the
 * server's content-disposition, or `fallbackName`.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const token = sessionStore.current?.token;
  let res: Response;
  try {
    res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw networkError();
  }
  if (!res.ok) {
    const error = toApiError(res.status, await res.json().catch(() => undefined));
    if (error.isUnauthorized) sessionStore.clear('expired');
    throw error;
  }
  const blob = await res.blob();
  if (!blob.size) throw new ApiError(res.status, 'CONSOLE_BAD_RESPONSE', 'The server sent an empty file.');
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
