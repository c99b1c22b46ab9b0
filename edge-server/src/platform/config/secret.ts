import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from './schema.js';

/**
 * The per-install HMAC secret: VITRINA_SECRET if set, else DATA_DIR/secret, created on first
 * boot with owner-only permissions (0600, in a 0700 folder; an existing file readable by others
 * is tightened to 0600). Losing it makes every stored card unrecognizable, so
 * backups must include it (deploy/README.md).
 */
export function loadSecret(config: Config): string {
  if (config.VITRINA_SECRET) return config.VITRINA_SECRET.toLowerCase();
  const file = join(config.DATA_DIR, 'secret');
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    const value = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64,}$/.test(value)) throw new Error(`${file} does not hold a hex secret of at least 32 bytes`);
    return value;
  }
  mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
  const value = randomBytes(32).toString('hex');
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}
