/**
 * Pairing tokens travel once in a page URL (`/kiosk/?token=…`); request logs must not keep them.
 */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|auth|password)=)[^&#]*/gi, '$1[redacted]');
}

/** pino serializer for requests: method, redacted url, remote address — no headers. */
export function requestSerializer(req: { method: string; url: string; ip?: string; socket?: { remoteAddress?: string } }) {
  return { method: req.method, url: redactUrl(req.url), remoteAddress: req.ip ?? req.socket?.remoteAddress };
}
