import { readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test-support/build.js';
import { ensureFirstAdmin } from './first-admin.js';

describe('the first admin of an empty store', () => {
  let t: TestApp | undefined;
  afterEach(async () => t?.app.close());

  it('is created once, with a temporary password in an owner-only file, and must change it before anything else', async () => {
    t = await build();
    const first = await ensureFirstAdmin(t.services.staffAccounts, t.dataDir);
    expect(first?.username).toBe('admin');
    expect(statSync(first!.file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(first!.file, 'utf8'))).toEqual({ username: 'admin', temporaryPassword: first!.temporaryPassword });
    // A second start finds an account and creates nothing.
    expect(await ensureFirstAdmin(t.services.staffAccounts, t.dataDir)).toBeUndefined();
    expect(await t.services.staffAccounts.list()).toHaveLength(1);

    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: first!.temporaryPassword } });
    expect(login.statusCode).toBe(200);
    const headers = { authorization: `Bearer ${login.json().token}` };
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/staff', headers });
    expect(refused.json().error.code).toBe('VITRINA_ERR_PASSWORD_CHANGE_REQUIRED');
  });

  it('is not created when the store already has staff (the demo store, or a store after its first start)', async () => {
    t = await build();
    await t.staffHeaders('marketer');
    expect(await ensureFirstAdmin(t.services.staffAccounts, t.dataDir)).toBeUndefined();
  });
});
