/** Signs in as every kind of caller the fuzzers try: admin, marketer, staff, a kiosk's device token, nobody. */
import { api, login, type Store } from './harness.js';
import type { Identity } from './authorization.js';

const PASSWORD = 'Attack-suite-passphrase-2026!';

async function account(store: Store, adminToken: string, role: 'staff' | 'marketer'): Promise<string> {
  const username = `attack-${role}`;
  const temporaryPassword = `Temporary-${role}-passphrase-1!`;
  const created = await api(store.url, 'POST', '/api/v1/staff', adminToken, { username, role, temporaryPassword });
  if (created.status !== 201) throw new Error(`create ${role}: HTTP ${created.status} ${JSON.stringify(created.body)}`);
  // A temporary password must be replaced before any other route answers.
  const first = await login(store.url, username, temporaryPassword);
  const changed = await api(store.url, 'POST', '/api/v1/auth/password', first, { currentPassword: temporaryPassword, newPassword: PASSWORD });
  if (changed.status !== 200) throw new Error(`change ${role} password: HTTP ${changed.status}`);
  return (changed.body as { token: string }).token;
}

/** Bearer token per identity (undefined for anonymous). */
export async function identities(store: Store): Promise<Record<Identity, string | undefined>> {
  const admin = await login(store.url, store.demo.admin.username, store.demo.admin.password);
  return {
    anonymous: undefined,
    kiosk: store.demo.devices.find((d) => d.kind === 'kiosk')!.token,
    staff: await account(store, admin, 'staff'),
    marketer: await account(store, admin, 'marketer'),
    admin,
  };
}
