import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Short prefixed ids: readable in logs, unique enough for one store (and keyed by store id upstream). */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

/** A bearer secret for a device or a staff session (shown once; only its hash is stored). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function nowIso(): string {
  return new Date().toISOString();
}
