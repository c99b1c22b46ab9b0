import { createApiClient } from './api-client';
import { SessionStore } from './session-store';

/** The app's one session and one API client; a 401 on any call ends the session. */
export const sessionStore = new SessionStore(typeof sessionStorage === 'undefined' ? null : sessionStorage);

export const api = createApiClient({
  getToken: () => sessionStore.current?.token ?? null,
  onUnauthorized: () => sessionStore.clear('expired'),
});
