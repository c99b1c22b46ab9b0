import { randomUUID } from 'node:crypto';

export interface ActiveSession {
  sessionId: string;
  kioskId: string;
  customerId: string;
  shownOfferIds: Set<string>;
  expiresAt: number;
}

const SESSION_TTL_MS = 10 * 60_000;

/**
 * Live kiosk sessions, in memory: one per kiosk (a new scan replaces the previous shopper's).
 * They only exist to check that a clip comes from the kiosk that showed the offer.
 */
export class KioskSessions {
  private readonly byId = new Map<string, ActiveSession>();
  private readonly byKiosk = new Map<string, string>();

  open(kioskId: string, customerId: string, shownOfferIds: Iterable<string>): ActiveSession {
    const previous = this.byKiosk.get(kioskId);
    if (previous) this.byId.delete(previous);
    const s: ActiveSession = { sessionId: `ses_${randomUUID()}`, kioskId, customerId, shownOfferIds: new Set(shownOfferIds), expiresAt: Date.now() + SESSION_TTL_MS };
    this.byId.set(s.sessionId, s);
    this.byKiosk.set(kioskId, s.sessionId);
    return s;
  }

  /** The session if it exists, is live and belongs to this kiosk. */
  get(sessionId: string, kioskId: string): ActiveSession | undefined {
    const s = this.byId.get(sessionId);
    if (!s || s.kioskId !== kioskId) return undefined;
    if (s.expiresAt < Date.now()) {
      this.end(sessionId);
      return undefined;
    }
    return s;
  }

  end(sessionId: string) {
    const s = this.byId.get(sessionId);
    if (!s) return false;
    this.byId.delete(sessionId);
    if (this.byKiosk.get(s.kioskId) === sessionId) this.byKiosk.delete(s.kioskId);
    return true;
  }
}
