import { describe, expect, it } from 'vitest';
import { redactUrl, requestSerializer } from './log-redaction.js';

describe('request log redaction', () => {
  it('removes pairing tokens from logged URLs and keeps the rest', () => {
    expect(redactUrl('/kiosk/?token=abcDEF123_-x&idleMs=2000')).toBe('/kiosk/?token=[redacted]&idleMs=2000');
    expect(redactUrl('/signage/?a=1&TOKEN=zzz')).toBe('/signage/?a=1&TOKEN=[redacted]');
    expect(redactUrl('/api/health')).toBe('/api/health');
    expect(requestSerializer({ method: 'GET', url: '/kiosk/?token=secret-secret', ip: '127.0.0.1' })).toEqual({ method: 'GET', url: '/kiosk/?token=[redacted]', remoteAddress: '127.0.0.1' });
  });
});
