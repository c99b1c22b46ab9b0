import { useCallback, useEffect, useState } from 'preact/hooks';
import { ROUTES, type StaffUser } from '@vitrina/contracts';
import { api, sessionStore } from './api';
import type { SignOutReason } from './session-store';

export interface Auth {
  /**
   * The signed-in staff member, or null. Null also while the account must replace a temporary
   * password: until then the sign-in screen shows the change step (`pendingChange`) and no page
   * renders (the server refuses their routes anyway).
   */
  user: StaffUser | null;
  /** Signed in with a temporary password that must be changed before anything else. */
  pendingChange: StaffUser | null;
  signOutReason: SignOutReason;
  signIn(username: string, password: string): Promise<void>;
  /** Changes the signed-in user's password; the server answers a fresh session, kept here. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  signOut(): Promise<void>;
}

/** The signed-in staff member, re-rendering when the session starts or ends (including on a 401). */
export function useAuth(): Auth {
  const [, force] = useState(0);
  useEffect(() => sessionStore.subscribe(() => force((n) => n + 1)), []);

  const signIn = useCallback(async (username: string, password: string) => {
    const res = await api.call(ROUTES.auth.login, { body: { username, password } });
    sessionStore.set(res);
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const res = await api.call(ROUTES.auth.changePassword, { body: { currentPassword, newPassword } });
    sessionStore.set(res);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.call(ROUTES.auth.logout);
    } catch {
      // Signing out locally matters more than telling the server; its token expires anyway.
    }
    sessionStore.clear('signed-out');
  }, []);

  const current = sessionStore.current?.user ?? null;
  const pending = current?.mustChangePassword ? current : null;
  return { user: pending ? null : current, pendingChange: pending, signOutReason: sessionStore.signOutReason, signIn, changePassword, signOut };
}

/** On start-up, checks a stored token is still accepted (the server may have restarted or revoked it). */
export function useVerifySession(): boolean {
  const [checked, setChecked] = useState(() => sessionStore.current === null);
  useEffect(() => {
    if (checked) return;
    api
      .call(ROUTES.auth.me)
      .then((user) => sessionStore.updateUser(user))
      .catch(() => undefined) // a 401 already cleared the session; other errors keep it
      .finally(() => setChecked(true));
  }, [checked]);
  return checked;
}
