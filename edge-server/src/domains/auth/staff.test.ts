import { describe, expect, it } from 'vitest';
import type { LoginResponse, StaffAccount, StaffWithTemporaryPassword } from '@vitrina/contracts';
import { build, type TestApp } from '../../test-support/build.js';

/**
 * Staff accounts over real HTTP. Every hash here is scrypt at the production cost (about a
 * second each on a busy machine), so each test signs in as few times as it can.
 */
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function signIn(t: TestApp, username: string, password: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  return res;
}

async function adminId(t: TestApp, headers: { authorization: string }) {
  return (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).json<{ id: string }>().id;
}

describe('staff accounts', () => {
  it('an admin creates a marketer, who signs in with the temporary password and can do nothing but change it', async () => {
    const t = await build();
    const admin = await t.staffHeaders('admin');

    const created = await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: admin, payload: { username: 'mara', displayName: 'Mara K.', role: 'marketer' } });
    expect(created.statusCode).toBe(201);
    const { user, temporaryPassword } = created.json<StaffWithTemporaryPassword>();
    expect(user).toMatchObject({ username: 'mara', displayName: 'Mara K.', role: 'marketer', disabled: false, mustChangePassword: true });
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/); // generated, shown this once
    expect(JSON.stringify((await t.app.inject({ method: 'GET', url: '/api/v1/staff', headers: admin })).json())).not.toContain(temporaryPassword);

    const first = await signIn(t, 'mara', temporaryPassword);
    expect(first.statusCode).toBe(200);
    const temp = first.json<LoginResponse>();
    expect(temp.user.mustChangePassword).toBe(true);

    // Server-enforced: every other route refuses until the password is changed.
    for (const [method, url] of [['GET', '/api/v1/campaigns'], ['GET', '/api/v1/devices'], ['POST', '/api/v1/devices/d-1/revoke']] as const) {
      const res = await t.app.inject({ method, url, headers: bearer(temp.token) });
      expect([url, res.statusCode, res.json().error.code]).toEqual([url, 403, 'VITRINA_ERR_PASSWORD_CHANGE_REQUIRED']);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(temp.token) })).json()).toMatchObject({ username: 'mara', mustChangePassword: true });

    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: bearer(temp.token), payload: { currentPassword, newPassword } });
    // The policy: length, not the username, not a common password. No scrypt is spent on these.
    for (const weak of ['short-one', 'mara-mara.12', 'Password1234', 'correct horse battery staple']) {
      const res = await change(temporaryPassword, weak);
      expect([weak, res.statusCode, res.json().error.code]).toEqual([weak, 422, 'VITRINA_ERR_PASSWORD_WEAK']);
    }
    const wrong = await change('not-the-temporary-one', 'violet-kettle-morning-42');
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([403, 'VITRINA_ERR_WRONG_PASSWORD']);

    const changed = await change(temporaryPassword, 'violet-kettle-morning-42');
    expect(changed.statusCode).toBe(200);
    const own = changed.json<LoginResponse>();
    expect(own.user.mustChangePassword).toBe(false);
    // The temporary session ended with the change; the fresh one works everywhere the role allows.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(temp.token) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/campaigns', headers: bearer(own.token) })).statusCode).toBe(200);
    // Still a marketer: staff management is for admins.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/staff', headers: bearer(own.token) })).json().error.code).toBe('VITRINA_ERR_FORBIDDEN');
  }, 60_000);

  it('disabling ends the sessions at once; a reset forces a new password; the last active admin stays', async () => {
    const t = await build();
    const admin = await t.staffHeaders('admin');
    const created = await t.app.inject({
      method: 'POST', url: '/api/v1/staff', headers: admin, payload: { username: 'sam', role: 'staff', temporaryPassword: 'amber-lantern-river-7' },
    });
    expect(created.json().temporaryPassword).toBe('amber-lantern-river-7');
    const sam = created.json<StaffWithTemporaryPassword>().user;
    const samSession = (await signIn(t, 'sam', 'amber-lantern-river-7')).json<LoginResponse>();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(samSession.token) })).statusCode).toBe(200);

    const disabled = await t.app.inject({ method: 'POST', url: `/api/v1/staff/${sam.id}/disabled`, headers: admin, payload: { disabled: true } });
    expect(disabled.json<StaffAccount>()).toMatchObject({ id: sam.id, disabled: true });
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(samSession.token) });
    expect([after.statusCode, after.json().error.code]).toEqual([401, 'VITRINA_ERR_UNAUTHORIZED']);
    expect(await t.services.db.get('SELECT 1 FROM staff_sessions WHERE user_id = ?', [sam.id])).toBeUndefined();
    const refused = await signIn(t, 'sam', 'amber-lantern-river-7');
    expect([refused.statusCode, refused.json().error.code]).toEqual([401, 'VITRINA_ERR_ACCOUNT_DISABLED']);

    // Enabled again, then reset: a generated temporary password, due for a change.
    await t.app.inject({ method: 'POST', url: `/api/v1/staff/${sam.id}/disabled`, headers: admin, payload: { disabled: false } });
    const reset = await t.app.inject({ method: 'POST', url: `/api/v1/staff/${sam.id}/reset-password`, headers: admin, payload: {} });
    expect(reset.statusCode).toBe(200);
    expect(reset.json<StaffWithTemporaryPassword>().user).toMatchObject({ disabled: false, mustChangePassword: true });
    expect(reset.json().temporaryPassword).not.toBe('amber-lantern-river-7');

    // The one admin can be neither disabled nor demoted…
    const me = await adminId(t, admin);
    for (const res of [
      await t.app.inject({ method: 'POST', url: `/api/v1/staff/${me}/disabled`, headers: admin, payload: { disabled: true } }),
      await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${me}`, headers: admin, payload: { role: 'marketer' } }),
    ]) expect([res.statusCode, res.json().error.code]).toEqual([409, 'VITRINA_ERR_LAST_ADMIN']);
    // …nor can a disabled admin count as the other one…
    await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${sam.id}`, headers: admin, payload: { role: 'admin', displayName: 'Sam' } });
    await t.app.inject({ method: 'POST', url: `/api/v1/staff/${sam.id}/disabled`, headers: admin, payload: { disabled: true } });
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${me}`, headers: admin, payload: { role: 'staff' } })).statusCode).toBe(409);
    // …but once another admin is active, the first may step down.
    await t.app.inject({ method: 'POST', url: `/api/v1/staff/${sam.id}/disabled`, headers: admin, payload: { disabled: false } });
    const demoted = await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${me}`, headers: admin, payload: { role: 'marketer' } });
    expect(demoted.json<StaffAccount>().role).toBe('marketer');
    // The demotion takes effect on the demoted admin's next request.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/staff', headers: admin })).json().error.code).toBe('VITRINA_ERR_FORBIDDEN');
  }, 60_000);

  it('refuses a taken username in any case, an unknown account, and a weak temporary password, writing nothing', async () => {
    const t = await build();
    const admin = await t.staffHeaders('admin');
    const count = async () => (await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM staff_users'))!.n;
    const before = await count();
    const username = (await t.services.db.get<{ username: string }>('SELECT username FROM staff_users'))!.username;
    const taken = await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: admin, payload: { username: username.toUpperCase(), role: 'staff' } });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'VITRINA_ERR_CONFLICT']);
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: admin, payload: { username: 'kim', role: 'staff', temporaryPassword: 'kim' } });
    expect([weak.statusCode, weak.json().error.code]).toEqual([422, 'VITRINA_ERR_PASSWORD_WEAK']);
    const unknown = await t.app.inject({ method: 'PATCH', url: '/api/v1/staff/staff_nope', headers: admin, payload: { role: 'staff' } });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'VITRINA_ERR_NOT_FOUND']);
    const empty = await t.app.inject({ method: 'PATCH', url: '/api/v1/staff/staff_nope', headers: admin, payload: {} });
    expect(empty.statusCode).toBe(400);
    expect(await count()).toBe(before);
  }, 30_000);
});
