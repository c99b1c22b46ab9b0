import { newId, newToken, nowIso, sha256Hex } from '../../shared/ids.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, spendVerificationTime, verifyPassword, type ScryptParams } from './passwords.js';
import type { AuthRepository, StaffRole } from './repository.js';

const SESSION_HOURS = 12;

export interface StaffPrincipal {
  id: string;
  username: string;
  role: StaffRole;
}

/** Failed sign-ins per account before the account must wait, and how the wait grows. */
const FREE_FAILURES = 5;
const BACKOFF_BASE_S = 2;
const BACKOFF_MAX_S = 15 * 60;

/**
 * Staff sign-in with bearer session tokens (hash stored) and role checks. Guessing is slowed
 * per account (after a few failures each further attempt waits, doubling up to 15 minutes),
 * and an unknown user name costs the same scrypt as a known one, so timing tells nothing.
 */
export class AuthService {
  private readonly failures = new Map<string, { count: number; until: number }>();

  /** `scrypt`: the cost of new password hashes; stored hashes with other parameters are redone at login. */
  constructor(
    private readonly repo: AuthRepository,
    private readonly scrypt: ScryptParams = DEFAULT_SCRYPT,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async createUser(username: string, password: string, role: StaffRole): Promise<StaffPrincipal> {
    const id = newId('staff');
    await this.repo.insertUser({ id, username, password_hash: await hashPassword(password, this.scrypt), role, created_at: nowIso() });
    return { id, username, role };
  }

  async login(username: string, password: string) {
    const account = username.toLowerCase();
    const blocked = this.failures.get(account);
    if (blocked && blocked.until > this.now()) {
      throw new VitrinaError('VITRINA_ERR_RATE_LIMITED', `Too many failed sign-ins; try again in ${Math.ceil((blocked.until - this.now()) / 1000)} s.`);
    }
    const user = await this.repo.userByName(username);
    // Same error, and the same scrypt work, for an unknown user and a wrong password, so
    // usernames cannot be probed by the answer or by its time.
    if (!user) await spendVerificationTime(password, this.scrypt);
    if (!user || !(await verifyPassword(password, user.password_hash))) {
      this.recordFailure(account);
      throw new VitrinaError('VITRINA_ERR_UNAUTHORIZED', 'Wrong username or password.');
    }
    this.failures.delete(account);
    // A hash made with older (weaker) parameters is replaced now that the password is known.
    if (needsRehash(user.password_hash, this.scrypt)) await this.repo.setPasswordHash(user.id, await hashPassword(password, this.scrypt));
    const token = newToken();
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
    await this.repo.insertSession(sha256Hex(token), user.id, expiresAt);
    return { token, expiresAt, user: { id: user.id, username: user.username, role: user.role } };
  }

  async principal(token: string | undefined): Promise<StaffPrincipal> {
    if (!token) throw new VitrinaError('VITRINA_ERR_UNAUTHORIZED');
    const user = await this.repo.sessionUser(sha256Hex(token), nowIso());
    if (!user) throw new VitrinaError('VITRINA_ERR_UNAUTHORIZED', 'Your session has expired; sign in again.');
    return { id: user.id, username: user.username, role: user.role };
  }

  private recordFailure(account: string) {
    const count = (this.failures.get(account)?.count ?? 0) + 1;
    const waitS = count <= FREE_FAILURES ? 0 : Math.min(BACKOFF_MAX_S, BACKOFF_BASE_S ** (count - FREE_FAILURES));
    this.failures.delete(account);
    this.failures.set(account, { count, until: this.now() + waitS * 1000 });
    // Bounded: the oldest accounts' counters go first.
    while (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  logout(token: string) {
    return this.repo.deleteSession(sha256Hex(token));
  }
}
