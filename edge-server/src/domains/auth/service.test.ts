import { describe, expect, it } from 'vitest';
import { randomBytes, scryptSync } from 'node:crypto';
import { createAuth } from './index.js';
import { build } from '../../test-support/build.js';
import { verifyPassword } from './passwords.js';

describe('staff login', () => {
  it('rehashes a password stored with older parameters at the next successful login, and only then', async () => {
    const { services } = await build();
    // The store's auth at its production cost (build() signs in with a cheap one).
    const { auth } = createAuth(services.db);
    await auth.createUser('ana', 'first password!', 'admin');
    // As an install from before the cost was raised left it: `scrypt$salt$hash` at N=2^14.
    const salt = randomBytes(16);
    const legacy = `scrypt$${salt.toString('base64')}$${scryptSync('first password!', salt, 32).toString('base64')}`;
    await services.db.run('UPDATE staff_users SET password_hash = ? WHERE username = ?', [legacy, 'ana']);
    const stored = async () => (await services.db.get<{ password_hash: string }>('SELECT password_hash FROM staff_users WHERE username = ?', ['ana']))!.password_hash;

    await expect(auth.login('ana', 'wrong password')).rejects.toMatchObject({ code: 'VITRINA_ERR_UNAUTHORIZED' });
    expect(await stored()).toBe(legacy); // a failed login changes nothing

    await auth.login('ana', 'first password!');
    const upgraded = await stored();
    expect(upgraded).toMatch(/^scrypt\$ln=17,r=8,p=1\$/);
    expect(await verifyPassword('first password!', upgraded)).toBe(true);

    await auth.login('ana', 'first password!');
    expect(await stored()).toBe(upgraded); // current parameters: left as they are
  }, 30_000);

  it('gives an unknown user the same answer as a wrong password', async () => {
    const { services } = await build();
    await services.auth.createUser('ben', 'the password', 'staff');
    await expect(services.auth.login('nobody', 'the password')).rejects.toMatchObject({ code: 'VITRINA_ERR_UNAUTHORIZED', message: 'Wrong username or password.' });
    await expect(services.auth.login('ben', 'not it')).rejects.toMatchObject({ code: 'VITRINA_ERR_UNAUTHORIZED', message: 'Wrong username or password.' });
  }, 30_000);
});
