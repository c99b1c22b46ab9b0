import type { LoginResponse } from '@vitrina/contracts';

/** What is kept of a sign-in (the login answer's fields the console needs). */
export type Session = Pick<LoginResponse, 'token' | 'expiresAt' | 'user'>;

/** Why the user is looking at the sign-in screen, for the message above the form. */
export type SignOutReason = 'signed-out' | 'expired' | null;

type Listener = () => void;

const KEY = 'vitrina.console.session';

/**
 * The signed-in session, kept in sessionStorage: it survives a reload but not closing the
 * browser, which suits shared back-office PCs. Observable so hooks re-render on change.
 */
export class SessionStore {
  private session: Session | null;
  private reason: SignOutReason = null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null, private readonly now: () => number = Date.now) {
    this.session = this.read();
  }

  get current(): Session | null {
    if (this.session && Date.parse(this.session.expiresAt) <= this.now()) this.clear('expired');
    return this.session;
  }

  get signOutReason(): SignOutReason {
    return this.reason;
  }

  set(login: LoginResponse) {
    this.session = { token: login.token, expiresAt: login.expiresAt, user: login.user };
    this.reason = null;
    this.storage?.setItem(KEY, JSON.stringify(this.session));
    this.emit();
  }

  /** The user as the server sees them now (`me`): a role changed or a forced password change set since sign-in. */
  updateUser(user: Session['user']) {
    if (!this.session) return;
    this.session = { ...this.session, user };
    this.storage?.setItem(KEY, JSON.stringify(this.session));
    this.emit();
  }

  clear(reason: Exclude<SignOutReason, null>) {
    if (!this.session && this.reason === reason) return;
    this.session = null;
    this.reason = reason;
    this.storage?.removeItem(KEY);
    this.emit();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit() {
    for (const l of this.listeners) l();
  }

  private read(): Session | null {
    try {
      const raw = this.storage?.getItem(KEY);
      if (!raw) return null;
      const s = JSON.parse(raw) as Partial<Session>;
      if (typeof s.token !== 'string' || typeof s.expiresAt !== 'string' || !s.user || typeof s.user.role !== 'string') return null;
      return s as Session;
    } catch {
      return null;
    }
  }
}
