import type { StaffAccount } from '@vitrina/contracts';
import { newId, nowIso } from '../../shared/ids.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { AuditChange } from '../../platform/http/serve-route.js';
import { checkPasswordPolicy, generateTemporaryPassword } from './password-policy.js';
import { hashPassword, type ScryptParams } from './passwords.js';
import type { AuthRepository, StaffRole, StaffUserRow } from './repository.js';

export function accountOf(row: StaffUserRow): StaffAccount {
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role, disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1, createdAt: row.created_at, updatedAt: row.updated_at, passwordChangedAt: row.password_changed_at,
  };
}

const LAST_ADMIN = () => new VitrinaError('VITRINA_ERR_LAST_ADMIN', 'This is the last active admin: make another admin first.');

/**
 * Staff accounts as admins manage them. Every account an admin makes or resets gets a
 * temporary password that its owner must replace at the next sign-in; resets and disabling end
 * the account's sessions at once. The store always keeps one active admin. Each write answers
 * an `AuditChange` (before/after of what it changed) for the audit log.
 */
export class StaffAccountsService {
  constructor(
    private readonly repo: AuthRepository,
    private readonly scrypt: ScryptParams,
  ) {}

  async list(): Promise<StaffAccount[]> {
    return (await this.repo.listUsers()).map(accountOf);
  }

  async create(input: { username: string; displayName?: string; role: StaffRole; temporaryPassword?: string }) {
    const temporaryPassword = this.temporary(input.temporaryPassword, input.username);
    if (await this.repo.usernameTaken(input.username)) throw new VitrinaError('VITRINA_ERR_CONFLICT', 'That username is taken.');
    const hash = await hashPassword(temporaryPassword, this.scrypt);
    const at = nowIso();
    const row: StaffUserRow = {
      id: newId('staff'), username: input.username, password_hash: hash, role: input.role, created_at: at,
      display_name: input.displayName?.trim() ?? '', disabled: 0, must_change_password: 1, updated_at: at, password_changed_at: at,
    };
    await this.repo.transaction(async (q) => {
      // Checked again inside the write: two admins adding the same name at once.
      if (await this.repo.usernameTaken(input.username, q)) throw new VitrinaError('VITRINA_ERR_CONFLICT', 'That username is taken.');
      await this.repo.insertUser(row, q);
    });
    const change: AuditChange = { before: {}, after: { username: row.username, displayName: row.display_name, role: row.role, credentials: 'temporary' } };
    return { result: { user: accountOf(row), temporaryPassword }, change };
  }

  async update(id: string, patch: { displayName?: string; role?: StaffRole }) {
    const at = nowIso();
    const { before, after } = await this.repo.transaction(async (q) => {
      const before = await this.existing(id, q);
      if (patch.displayName !== undefined) await this.repo.setDisplayName(id, patch.displayName.trim(), at, q);
      if (patch.role !== undefined && patch.role !== before.role && !(await this.repo.setRole(id, patch.role, at, q))) throw LAST_ADMIN();
      return { before, after: (await this.repo.userById(id, q))! };
    });
    return { result: accountOf(after), change: diff(before, after, ['display_name', 'role']) };
  }

  /** Disabling also deletes the account's sessions, in the same transaction: its next request is a 401. */
  async setDisabled(id: string, disabled: boolean) {
    const at = nowIso();
    const { before, after } = await this.repo.transaction(async (q) => {
      const before = await this.existing(id, q);
      if (!(await this.repo.setDisabled(id, disabled, at, q))) throw LAST_ADMIN();
      if (disabled) await this.repo.deleteSessionsOf(id, q);
      return { before, after: (await this.repo.userById(id, q))! };
    });
    const change = diff(before, after, ['disabled']);
    if (disabled) change.after.sessions = 'ended';
    return { result: accountOf(after), change };
  }

  /** A temporary password (given or generated), a forced change at the next sign-in, and every session ended. */
  async resetPassword(id: string, given?: string) {
    const user = await this.existing(id);
    const temporaryPassword = this.temporary(given, user.username);
    const hash = await hashPassword(temporaryPassword, this.scrypt);
    const at = nowIso();
    const after = await this.repo.transaction(async (q) => {
      await this.existing(id, q);
      await this.repo.setPassword(id, hash, true, at, q);
      await this.repo.deleteSessionsOf(id, q);
      return (await this.repo.userById(id, q))!;
    });
    const change: AuditChange = { before: { credentials: 'set' }, after: { credentials: 'temporary', forcedChange: true, sessions: 'ended' } };
    return { result: { user: accountOf(after), temporaryPassword }, change };
  }

  private temporary(given: string | undefined, username: string): string {
    if (given === undefined) return generateTemporaryPassword();
    checkPasswordPolicy(given, username);
    return given;
  }

  private async existing(id: string, q?: Parameters<AuthRepository['userById']>[1]) {
    const user = await this.repo.userById(id, q);
    if (!user) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', 'No such staff account.');
    return user;
  }
}

const FIELD_NAMES: Partial<Record<keyof StaffUserRow, string>> = { display_name: 'displayName' };

/** The fields among `fields` that differ, before and after (staff names and roles are not secrets). */
function diff(before: StaffUserRow, after: StaffUserRow, fields: Array<keyof StaffUserRow>): AuditChange {
  const change: AuditChange = { before: {}, after: {} };
  for (const f of fields) {
    if (before[f] === after[f]) continue;
    const name = FIELD_NAMES[f] ?? f;
    change.before[name] = f === 'disabled' ? before[f] === 1 : before[f];
    change.after[name] = f === 'disabled' ? after[f] === 1 : after[f];
  }
  return change;
}
