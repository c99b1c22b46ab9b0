import { sessionStore } from './api';
import { ApiError, networkError, toApiError } from './api-error';

/**
 * Sends a file as the raw body of an API call and reports how much has been sent. fetch() has no
 * upload progress, hence XMLHttpRequest; the answer is read like every API answer (an ApiError on
 * failure, the session cleared on 401). Used by `useUpload` and the catalogue upload.
 */
export function sendFile<T>(req: { method: string; url: string; contentType: string; file: Blob | FormData; onProgress: (sent: number, total: number) => void }): Promise<T> {
  const { file } = req;
  // A form (multipart/form-data, the media upload) gets its content type, with the boundary, from the browser.
  const size = file instanceof Blob ? file.size : 0;
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(req.method, req.url);
    xhr.setRequestHeader('accept', 'application/json');
    if (!(file instanceof FormData)) xhr.setRequestHeader('content-type', req.contentType);
    const token = sessionStore.current?.token;
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => req.onProgress(e.loaded, e.lengthComputable ? e.total : size);
    const fail = (err: ApiError) => {
      if (err.isUnauthorized && token) sessionStore.clear('expired');
      reject(err);
    };
    xhr.onerror = () => fail(networkError());
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status < 200 || xhr.status >= 300) return fail(toApiError(xhr.status, body));
      if (body === undefined) return fail(new ApiError(xhr.status, 'CONSOLE_BAD_RESPONSE', 'The server sent an answer the console cannot read.'));
      resolve(body as T);
    };
    xhr.send(file);
  });
}
