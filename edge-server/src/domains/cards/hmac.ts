import { createHmac } from 'node:crypto';

/**
 * Card numbers, phones and emails are kept only as HMAC-SHA256 under the per-install
 * secret: a stolen database cannot be reversed by hashing every possible card number.
 */
export function identifierHmac(secretHex: string, kind: string, value: string): string {
  return createHmac('sha256', Buffer.from(secretHex, 'hex')).update(`${kind}:${value}`).digest('hex');
}

/** The same HMAC with the key decoded once (imports hash several identifiers per row). */
export function identifierHmacWith(secretHex: string): (kind: string, value: string) => string {
  const key = Buffer.from(secretHex, 'hex');
  return (kind, value) => createHmac('sha256', key).update(`${kind}:${value}`).digest('hex');
}
