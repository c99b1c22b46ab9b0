import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { LOGIN_RATE_LIMIT } from './routes.js';

const login = (username: string, password: string) => ({ method: 'POST' as const, url: '/api/v1/auth/login', payload: { username, password } });

describe('sign-in throttling', () => {
  it('makes an account wait after a few wrong passwords, even for the right one, and says so with a 429', async () => {
    const t = await build();
    await t.services.auth.createUser('ann', 'correct horse battery', 'admin');
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push((await t.app.inject(login('ann', `wrong-${i}`))).json().error.code);
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('VITRINA_ERR_UNAUTHORIZED'));
    // The sixth failure starts the wait; during it, not even the right password gets in.
    const blocked = await t.app.inject(login('ANN', 'correct horse battery'));
    expect([blocked.statusCode, blocked.json().error.code]).toEqual([429, 'VITRINA_ERR_RATE_LIMITED']);
    // Other accounts are not affected.
    await t.services.auth.createUser('bob', 'correct horse battery', 'staff');
    expect((await t.app.inject(login('bob', 'correct horse battery'))).statusCode).toBe(200);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const t = await build();
    await t.services.auth.createUser('ann', 'correct horse battery', 'admin');
    const unknown = await t.app.inject(login('nobody', 'whatever-123'));
    const wrong = await t.app.inject(login('ann', 'whatever-123'));
    expect([unknown.statusCode, unknown.json()]).toEqual([wrong.statusCode, wrong.json()]);
  });

  it('limits sign-in attempts per address', async () => {
    const t = await build();
    const statuses: number[] = [];
    // Distinct unknown accounts, so the per-account wait is not what stops them.
    for (let i = 0; i <= LOGIN_RATE_LIMIT.max; i++) statuses.push((await t.app.inject(login(`guess-${i}`, 'password-1'))).statusCode);
    expect(statuses.slice(0, LOGIN_RATE_LIMIT.max).every((s) => s === 401)).toBe(true);
    const last = await t.app.inject(login('guess-x', 'password-1'));
    expect([last.statusCode, last.json().error.code]).toEqual([429, 'VITRINA_ERR_RATE_LIMITED']);
  });

  it('counts wrong current passwords at a password change towards the same per-account wait', async () => {
    const t = await build();
    const headers = await t.staffHeaders('staff');
    const change = (currentPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword, newPassword: 'saffron-tunnel-eleven-4' } });
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push((await change(`wrong-${i}`)).json().error.code);
    expect(codes).toEqual(Array(6).fill('VITRINA_ERR_WRONG_PASSWORD'));
    const blocked = await change('correct horse battery');
    expect([blocked.statusCode, blocked.json().error.code]).toEqual([429, 'VITRINA_ERR_RATE_LIMITED']);
  }, 60_000);

  it('limits password-change attempts per address too', async () => {
    const t = await build();
    const headers = await t.staffHeaders('staff');
    // Refused by the policy (no scrypt), so only the address limit can stop them.
    const statuses: number[] = [];
    for (let i = 0; i <= LOGIN_RATE_LIMIT.max; i++) {
      statuses.push((await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword: 'x', newPassword: 'short' } })).statusCode);
    }
    expect(statuses.slice(0, LOGIN_RATE_LIMIT.max).every((s) => s === 422)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
