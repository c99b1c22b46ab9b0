import { randomBytes } from 'node:crypto';
import { newId, newToken, nowIso, sha256Hex } from '../../shared/ids.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { hashPassword, verifyPassword } from './passwords.js';
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
  private readonly dummyHash: Promise<string>;

  constructor(private readonly repo: AuthRepository, private readonly now: () => number = () => Date.now()) {
    this.dummyHash = hashPassword(randomBytes(16).toString('hex'));
  }

  async createUser(username: string, password: string, role: StaffRole): Promise<StaffPrincipal> {
    const id = newId('staff');
    await this.repo.insertUser({ id, username, password_hash: await hashPassword(password), role, created_at: nowIso() });
    return { id, username, role };
  }

  async login(username: string, password: string) {
    const account = username.toLowerCase();
    const blocked = this.failures.get(account);
    if (blocked && blocked.until > this.now()) {
      throw new VitrinaError('VITRINA_ERR_RATE_LIMITED', `Too many failed sign-ins; try again in ${Math.ceil((blocked.until - this.now()) / 1000)} s.`);
    }
    const user = await this.repo.userByName(username);
    // Same work and the same error for an unknown user and a wrong password: neither the answer
    // nor its timing tells which user names exist.
    const ok = await verifyPassword(password, user?.password_hash ?? (await this.dummyHash));
    if (!user || !ok) {
      this.recordFailure(account);
      throw new VitrinaError('VITRINA_ERR_UNAUTHORIZED', 'Wrong username or password.');
    }
    this.failures.delete(account);
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
