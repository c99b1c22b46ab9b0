import { randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../../platform/db/database.js';
import { newId, nowIso } from '../../shared/ids.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { CustomersService } from '../customers/index.js';
import { createCardNumberParser, type CardKind } from './card-number.js';
import { identifierHmac } from './hmac.js';
import type { CardsRepository } from './repository.js';

export type Recognition =
  | { status: 'known'; customerId: string; last4: string }
  | { status: 'unknown'; last4: string; enrollToken: string };

interface PendingEnrollment {
  hmac: string;
  kind: CardKind;
  last4: string;
  expiresAt: number;
}

const ENROLL_TTL_MS = 10 * 60_000;
/** Unknown cards waiting for enrollment: the oldest go first, so a flood of scans cannot grow memory. */
const MAX_PENDING = 1000;

/**
 * Recognizes a scanned or typed identifier: validate → HMAC → card → customer. The raw number
 * never leaves this service: unknown cards get a short-lived enroll token instead.
 */
export class CardsService {
  private readonly parse: ReturnType<typeof createCardNumberParser>;
  private readonly parseScan: ReturnType<typeof createCardNumberParser>;
  private readonly pending = new Map<string, PendingEnrollment>();

  constructor(
    private readonly db: Database,
    private readonly repo: CardsRepository,
    private readonly customers: Pick<CustomersService, 'isActive' | 'insert'>,
    private readonly secret: string,
    patterns: string[],
  ) {
    this.parse = createCardNumberParser({ patterns });
    // A hardware scan cannot carry a phone number: a 13-digit scan with a bad check digit is invalid.
    this.parseScan = createCardNumberParser({ patterns, allowPhone: false });
  }

  hmacOf(kind: CardKind, value: string) {
    return identifierHmac(this.secret, kind, value);
  }

  async recognize(raw: unknown, source: 'keypad' | 'wedge' | 'scanner'): Promise<Recognition> {
    const parsed = (source === 'keypad' ? this.parse : this.parseScan)(raw);
    if (!parsed.ok) throw new VitrinaError(parsed.code, parsed.message);
    const hmac = this.hmacOf(parsed.kind, parsed.value);
    const card = await this.repo.byHmac(hmac);
    if (card) {
      if (card.status === 'blocked') throw new VitrinaError('VITRINA_ERR_CARD_BLOCKED');
      if (await this.customers.isActive(card.customer_id)) return { status: 'known', customerId: card.customer_id, last4: card.last4 };
    }
    if (parsed.kind === 'phone') throw new VitrinaError('VITRINA_ERR_CARD_UNKNOWN', 'No card is registered with that phone number.');
    this.sweep();
    const enrollToken = randomBytes(18).toString('base64url');
    this.pending.set(enrollToken, { hmac, kind: parsed.kind, last4: parsed.last4, expiresAt: Date.now() + ENROLL_TTL_MS });
    while (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    return { status: 'unknown', last4: parsed.last4, enrollToken };
  }

  /** Creates the customer and their card in one transaction; the token is single-use. */
  async enroll(enrollToken: string, firstName: string, consents: { program: boolean; marketing: boolean; profiling: boolean }) {
    const p = this.pending.get(enrollToken);
    if (!p || p.expiresAt < Date.now()) throw new VitrinaError('VITRINA_ERR_SESSION_UNKNOWN', 'The enrollment has expired; scan the card again.');
    if (!consents.program) throw new VitrinaError('VITRINA_ERR_CONSENT_REQUIRED', 'Joining needs consent to the loyalty program.');
    this.pending.delete(enrollToken);
    const now = nowIso();
    const customerId = newId('cust');
    await this.db.transaction(async (tx) => {
      if (await this.repo.exists(tx, p.hmac)) throw new VitrinaError('VITRINA_ERR_CONFLICT', 'That card is already registered.');
      await this.customers.insert(tx, {
        id: customerId, first_name: firstName.trim(), birth_date: null, enrolled_at: now,
        consent_program: 1, consent_marketing: consents.marketing ? 1 : 0, consent_profiling: consents.profiling ? 1 : 0,
        consents_updated_at: now, source_ref: null, erased_at: null,
      });
      await this.repo.insert(tx, { hmac: p.hmac, kind: p.kind, last4: p.last4, customer_id: customerId, status: 'active', created_at: now });
    });
    return { customerId, last4: p.last4 };
  }

  /** Registers a card for a customer inside the caller's transaction (imports, demo store). */
  addIn(tx: Queryable, card: { kind: CardKind; number: string; customerId: string; at: string }) {
    return this.repo.insert(tx, { hmac: this.hmacOf(card.kind, card.number), kind: card.kind, last4: card.number.slice(-4), customer_id: card.customerId, status: 'active', created_at: card.at });
  }

  /** What a customer's data export shows of their cards: never the number, only the last 4. */
  cardsOf(customerId: string) {
    return this.repo.cardsOf(customerId);
  }

  /** Erasure: the customer's cards stop leading to them. Returns how many were removed. */
  removeAllOf(tx: Queryable, customerId: string) {
    return this.repo.removeAllOf(tx, customerId);
  }

  /** Unknown cards currently waiting for enrollment (bounded by MAX_PENDING). */
  get pendingEnrollments() {
    return this.pending.size;
  }

  private sweep() {
    const now = Date.now();
    for (const [token, p] of this.pending) if (p.expiresAt < now) this.pending.delete(token);
  }
}
