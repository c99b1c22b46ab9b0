import { describe, expect, it } from 'vitest';
import { randomBytes, scryptSync } from 'node:crypto';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPassword } from './passwords.js';

/** A hash in the format stored before parameters were written down: `scrypt$<salt>$<hash>` with Node's defaults (N=2^14). */
function legacyHash(password: string) {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 32).toString('base64')}`;
}

describe('password hashes', () => {
  it('default to the OWASP scrypt cost (N=2^17, r=8, p=1) and store it in the hash', async () => {
    expect(DEFAULT_SCRYPT).toEqual({ log2N: 17, r: 8, p: 1 });
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('verifies hashes of the older format and of other costs with their own parameters, and flags them for rehash', async () => {
    const legacy = legacyHash('s3cret');
    expect(await verifyPassword('s3cret', legacy)).toBe(true);
    expect(await verifyPassword('s3cre', legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);

    const cheap = await hashPassword('s3cret', { log2N: 12, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$ln=12,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('s3cret', cheap)).toBe(true);
    expect(needsRehash(cheap)).toBe(true);
    expect(needsRehash(cheap, { log2N: 12, r: 8, p: 1 })).toBe(false);
  });

  it('refuses malformed hashes and parameters out of bounds instead of running them', async () => {
    const good = await hashPassword('pw', { log2N: 10, r: 8, p: 1 });
    const [, , salt, hash] = good.split('$');
    for (const stored of [
      '', 'bcrypt$x$y', 'scrypt$', `scrypt$ln=10,r=8,p=1$${salt}`, `scrypt$ln=30,r=8,p=1$${salt}$${hash}`,
      `scrypt$ln=10,r=99,p=1$${salt}$${hash}`, `scrypt$ln=10;r=8;p=1$${salt}$${hash}`, `scrypt$ln=10,r=8,p=1$${salt}$AAAA`,
    ]) {
      expect(await verifyPassword('pw', stored), stored).toBe(false);
      expect(needsRehash(stored), stored).toBe(false);
    }
  });
});
