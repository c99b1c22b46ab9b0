import { ROUTES } from '@vitrina/contracts';
import { sessionStore } from '../../lib/api';
import { ApiError, networkError, toApiError } from '../../lib/api-error';
import { routeUrl } from '../../lib/route-url';

/**
 * Downloads every survey answer as CSV with the session's token (a plain link cannot send the
 * bearer header): fetched, then handed to the browser as a file.
 */
export async function downloadSurveyCsv(): Promise<void> {
  const token = sessionStore.current?.token;
  let res: Response;
  try {
    res = await fetch(routeUrl(ROUTES.surveys.exportCsv), { headers: token ? { authorization: `Bearer ${token}` } : {} });
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
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'vitrina-survey.csv';
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
