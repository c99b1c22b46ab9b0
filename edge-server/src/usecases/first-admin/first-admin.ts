import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StaffAccountsService } from '../../domains/auth/index.js';

/** Where the first admin's temporary password waits for the person who installed the store (mode 0600). */
export const FIRST_ADMIN_FILE = 'first-admin.json';

export interface FirstAdmin {
  username: string;
  temporaryPassword: string;
  file: string;
}

/**
 * A store that starts empty (DEMO_SEED=false) has no one who could sign in to the console.
 * On the first start with no staff account at all, this creates `admin` with a generated
 * temporary password that must be changed at the first sign-in, and leaves it in
 * DATA_DIR/first-admin.json for the installer (the only other place it appears is a terminal).
 * Returns undefined when any account exists, so it never runs twice.
 */
export async function ensureFirstAdmin(accounts: StaffAccountsService, dataDir: string): Promise<FirstAdmin | undefined> {
  if ((await accounts.list()).length > 0) return undefined;
  const { result: { user, temporaryPassword } } = await accounts.create({ username: 'admin', displayName: 'Administrator', role: 'admin' });
  const file = join(dataDir, FIRST_ADMIN_FILE);
  writeFileSync(file, `${JSON.stringify({ username: user.username, temporaryPassword }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // the mode option applies only to a file writeFileSync creates
  return { username: user.username, temporaryPassword, file };
}
