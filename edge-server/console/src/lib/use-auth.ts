import { useCallback, useEffect, useState } from 'preact/hooks';
import { ROUTES, type StaffUser } from '@vitrina/contracts';
import { api, sessionStore } from './api';
import type { SignOutReason } from './session-store';

export interface Auth {
  user: StaffUser | null;
  signOutReason: SignOutReason;
  signIn(username: string, password: string): Promise<void>;
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

  const signOut = useCallback(async () => {
    try {
      await api.call(ROUTES.auth.logout);
    } catch {
      // Signing out locally matters more than telling the server; its token expires anyway.
    }
    sessionStore.clear('signed-out');
  }, []);

  return { user: sessionStore.current?.user ?? null, signOutReason: sessionStore.signOutReason, signIn, signOut };
}

/** On start-up, checks a stored token is still accepted (the server may have restarted or revoked it). */
export function useVerifySession(): boolean {
  const [checked, setChecked] = useState(() => sessionStore.current === null);
  useEffect(() => {
    if (checked) return;
    api
      .call(ROUTES.auth.me)
      .catch(() => undefined) // a 401 already cleared the session; other errors keep it
      .finally(() => setChecked(true));
  }, [checked]);
  return checked;
}
