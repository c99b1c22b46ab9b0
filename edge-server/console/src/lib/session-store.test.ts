import { describe, expect, it } from 'vitest';
import { SessionStore } from './session-store';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
}
const login = { token: 'tok-abcdefgh', expiresAt: '2026-11-23T08:00:00Z', user: { id: 'u1', username: 'ana', role: 'marketer' as const } };

describe('SessionStore', () => {
  it('keeps the session across a reload (same storage) and notifies listeners', () => {
    const storage = memory();
    const now = () => Date.parse('2026-11-22T20:00:00Z');
    const a = new SessionStore(storage, now);
    let calls = 0;
    a.subscribe(() => calls++);
    a.set(login);
    expect(calls).toBe(1);
    expect(new SessionStore(storage, now).current?.user.username).toBe('ana');
  });
  it('drops an expired session and says why', () => {
    const storage = memory();
    new SessionStore(storage, () => 0).set(login);
    const later = new SessionStore(storage, () => Date.parse('2026-11-23T08:00:01Z'));
    expect(later.current).toBeNull();
    expect(later.signOutReason).toBe('expired');
    expect(storage.m.size).toBe(0);
  });
  it('clears on sign-out and ignores corrupt storage', () => {
    const storage = memory();
    const s = new SessionStore(storage, () => 0);
    s.set(login);
    s.clear('signed-out');
    expect(s.current).toBeNull();
    expect(s.signOutReason).toBe('signed-out');
    storage.setItem('vitrina.console.session', '{"token":1}');
    expect(new SessionStore(storage).current).toBeNull();
    storage.setItem('vitrina.console.session', 'not json');
    expect(new SessionStore(storage).current).toBeNull();
  });
  it('takes the user as the server now sees them (a forced password change, a new role), keeping the token', () => {
    const storage = memory();
    const s = new SessionStore(storage, () => 0);
    s.set(login);
    let calls = 0;
    s.subscribe(() => calls++);
    s.updateUser({ ...login.user, role: 'admin', mustChangePassword: true });
    expect(calls).toBe(1);
    const reloaded = new SessionStore(storage, () => 0).current;
    expect(reloaded?.token).toBe(login.token);
    expect(reloaded?.user).toMatchObject({ role: 'admin', mustChangePassword: true });
    s.clear('signed-out');
    s.updateUser(login.user); // nothing to update once signed out
    expect(s.current).toBeNull();
  });
});
