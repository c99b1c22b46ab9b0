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

/** Staff sign-in with bearer session tokens (hash stored) and role checks. */
export class AuthService {
  /** `scrypt`: the cost of new password hashes; stored hashes with other parameters are redone at login. */
  constructor(
    private readonly repo: AuthRepository,
    private readonly scrypt: ScryptParams = DEFAULT_SCRYPT,
  ) {}

  async createUser(username: string, password: string, role: StaffRole): Promise<StaffPrincipal> {
    const id = newId('staff');
    await this.repo.insertUser({ id, username, password_hash: await hashPassword(password, this.scrypt), role, created_at: nowIso() });
    return { id, username, role };
  }

  async login(username: string, password: string) {
    const user = await this.repo.userByName(username);
    // Same error, and the same scrypt work, for an unknown user and a wrong password, so
    // usernames cannot be probed by the answer or by its time.
    if (!user) await spendVerificationTime(password, this.scrypt);
    if (!user || !(await verifyPassword(password, user.password_hash))) throw new VitrinaError('VITRINA_ERR_UNAUTHORIZED', 'Wrong username or password.');
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

  logout(token: string) {
    return this.repo.deleteSession(sha256Hex(token));
  }
}
