import { newId, newToken, nowIso, sha256Hex } from '../../shared/ids.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { AuditChange } from '../../platform/http/serve-route.js';
import { checkPasswordPolicy } from './password-policy.js';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, spendVerificationTime, verifyPassword, type ScryptParams } from './passwords.js';
import type { AuthRepository, StaffRole, StaffUserRow } from './repository.js';

export interface StaffPrincipal {
  id: string;
  username: string;
  role: StaffRole;
  displayName?: string;
  /** Set by an admin's create or reset: the guard lets such a user only change it (and see `me`, sign out). */
  mustChangePassword?: boolean;
}

export interface SessionPolicy {
  /** Absolute length of a session. */
  sessionHours: number;
  /** A session unused this long ends (shared back-office PCs left signed in). */
  idleMinutes: number;
}

export const DEFAULT_SESSIONS: SessionPolicy = { sessionHours: 12, idleMinutes: 60 };

/** last_seen_at is written at most this often per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/** Failed sign-ins per account before the account must wait, and how the wait grows. */
const FREE_FAILURES = 5;
const BACKOFF_BASE_S = 2;
const BACKOFF_MAX_S = 15 * 60;

export function principalOf(user: StaffUserRow): StaffPrincipal {
  return { id: user.id, username: user.username, role: user.role, displayName: user.display_name, mustChangePassword: user.must_change_password === 1 };
}

/**
 * Staff sign-in with bearer session tokens (hash stored), idle and absolute session expiry,
 * and changing one's own password. Guessing is slowed per account (after a few failures each
 * further attempt waits, doubling up to 15 minutes), and an unknown user name costs the same
 * scrypt as a known one, so timing tells nothing.
 */
export class AuthService {
  private readonly failures = new Map<string, { count: number; until: number }>();

  /** `scrypt`: the cost of new password hashes; stored hashes with other parameters are redone at login. */
  constructor(
    private readonly repo: AuthRepository,
    private readonly scrypt: ScryptParams = DEFAULT_SCRYPT,
    private readonly now: () => number = () => Date.now(),
    private readonly sessions: SessionPolicy = DEFAULT_SESSIONS,
  ) {}

  /**
   * An account with a password set as is (no policy, no forced change): the demo seed and
   * tests. People's accounts are made through `StaffAccountsService.create`.
   */
  async createUser(username: string, password: string, role: StaffRole): Promise<StaffPrincipal> {
    const id = newId('staff');
    const at = nowIso();
    await this.repo.insertUser({
      id, username, password_hash: await hashPassword(password, this.scrypt), role, created_at: at,
      display_name: '', disabled: 0, must_change_password: 0, updated_at: at, password_changed_at: at,
    });
    return { id, username, role };
  }

  async login(username: string, password: string) {
    const account = username.toLowerCase();
    this.refuseWhileWaiting(account);
    const user = await this.repo.userByName(username);
    // Same error, and the same scrypt work, for an unknown user and a wrong password, so
    // usernames cannot be probed by the answer or by its time.
    if (!user) await spendVerificationTime(password, this.scrypt);
    if (!user || !(await verifyPassword(password, user.password_hash))) {
      this.recordFailure(account);
      throw new VitrinaError('VITRINA_ERR_UNAUTHORIZED', 'Wrong username or password.');
    }
    this.failures.delete(account);
    // Only someone who knows the password learns that the account is disabled.
    if (user.disabled) throw new VitrinaError('VITRINA_ERR_ACCOUNT_DISABLED');
    // A hash made with older (weaker) parameters is replaced now that the password is known.
    if (needsRehash(user.password_hash, this.scrypt)) await this.repo.setPasswordHash(user.id, await hashPassword(password, this.scrypt));
    // Sessions that ended but were never signed out of are cleared here, a sign-in being rare enough.
    await this.purgeDeadSessions();
    return this.openSession(user);
  }

  /**
   * The signed-in user: a session that has not passed its absolute end nor sat idle, of an
   * enabled account. Disabling an account or resetting its password deletes its sessions; the
   * `disabled` check here covers a session read in the same instant.
   */
  async principal(token: string | undefined): Promise<StaffPrincipal> {
    if (!token) throw new VitrinaError('VITRINA_ERR_UNAUTHORIZED');
    const tokenHash = sha256Hex(token);
    const now = this.now();
    const user = await this.repo.sessionUser(tokenHash, new Date(now).toISOString(), new Date(now - this.sessions.idleMinutes * 60_000).toISOString());
    if (!user) throw new VitrinaError('VITRINA_ERR_UNAUTHORIZED', 'Your session has expired; sign in again.');
    if (Date.parse(user.last_seen_at) < now - TOUCH_EVERY_MS) await this.repo.touchSession(tokenHash, new Date(now).toISOString());
    return principalOf(user);
  }

  /**
   * The signed-in user's own password: the current one must be right (wrong guesses count
   * towards the account's wait, as at sign-in), the new one must pass the policy and differ.
   * Clears a forced change, ends every session of the user and answers a fresh one.
   */
  async changeOwnPassword(who: StaffPrincipal, currentPassword: string, newPassword: string) {
    const account = who.username.toLowerCase();
    this.refuseWhileWaiting(account);
    // The policy first: it tells nothing about the current password and costs no scrypt.
    checkPasswordPolicy(newPassword, who.username);
    if (newPassword === currentPassword) throw new VitrinaError('VITRINA_ERR_PASSWORD_WEAK', 'Choose a password different from the current one.');
    const user = await this.repo.userById(who.id);
    if (!user || user.disabled) throw new VitrinaError('VITRINA_ERR_UNAUTHORIZED');
    if (!(await verifyPassword(currentPassword, user.password_hash))) {
      this.recordFailure(account);
      throw new VitrinaError('VITRINA_ERR_WRONG_PASSWORD');
    }
    this.failures.delete(account);
    const hash = await hashPassword(newPassword, this.scrypt);
    const at = new Date(this.now()).toISOString();
    await this.repo.transaction(async (q) => {
      await this.repo.setPassword(user.id, hash, false, at, q);
      await this.repo.deleteSessionsOf(user.id, q);
    });
    const session = await this.openSession({ ...user, must_change_password: 0 });
    const change: AuditChange = { before: { credentials: user.must_change_password ? 'temporary' : 'own' }, after: { credentials: 'own, changed', sessions: 'ended' } };
    return { session, change };
  }

  logout(token: string) {
    return this.repo.deleteSession(sha256Hex(token));
  }

  /** Deletes sessions past their end or idle: they already answer 401, this only frees the rows. */
  purgeDeadSessions() {
    const now = this.now();
    return this.repo.deleteDeadSessions(new Date(now).toISOString(), new Date(now - this.sessions.idleMinutes * 60_000).toISOString());
  }

  private async openSession(user: StaffUserRow) {
    const token = newToken();
    const now = this.now();
    const expiresAt = new Date(now + this.sessions.sessionHours * 3600_000).toISOString();
    await this.repo.insertSession(sha256Hex(token), user.id, expiresAt, new Date(now).toISOString());
    return { token, expiresAt, idleMinutes: this.sessions.idleMinutes, user: principalOf(user) };
  }

  private refuseWhileWaiting(account: string) {
    const blocked = this.failures.get(account);
    if (blocked && blocked.until > this.now()) {
      throw new VitrinaError('VITRINA_ERR_RATE_LIMITED', `Too many failed sign-ins; try again in ${Math.ceil((blocked.until - this.now()) / 1000)} s.`);
    }
  }

  private recordFailure(account: string) {
    const count = (this.failures.get(account)?.count ?? 0) + 1;
    const waitS = count <= FREE_FAILURES ? 0 : Math.min(BACKOFF_MAX_S, BACKOFF_BASE_S ** (count - FREE_FAILURES));
    this.failures.delete(account);
    this.failures.set(account, { count, until: this.now() + waitS * 1000 });
    // Bounded: the oldest accounts' counters go first.
    while (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }
}
