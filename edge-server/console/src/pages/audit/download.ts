import { ROUTES, type AuditExportQuery } from '@vitrina/contracts';
import { sessionStore } from '../../lib/api';
import { ApiError, networkError, toApiError } from '../../lib/api-error';
import { routeUrl } from '../../lib/route-url';

/**
 * Downloads the audit CSV with the session's token: a plain link cannot send the bearer
 * header, so the file is fetched, then handed to the browser as a download.
 */
export async function downloadAuditCsv(query: AuditExportQuery): Promise<void> {
  const token = sessionStore.current?.token;
  let res: Response;
  try {
    res = await fetch(routeUrl(ROUTES.audit.exportCsv, { query }), { headers: token ? { authorization: `Bearer ${token}` } : {} });
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
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'vitrina-audit.csv';
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
