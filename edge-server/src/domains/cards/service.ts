import { randomBytes, randomInt } from 'node:crypto';
import type { Database, Queryable } from '../../platform/db/database.js';
import { newId, nowIso } from '../../shared/ids.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { consentRecordsOf, type Consents, type CustomersService } from '../customers/index.js';
import { createCardNumberParser, makeEan13, normalizePhone, type CardKind } from './card-number.js';
import { normalizeEmail } from './email.js';
import { identifierHmacWith } from './hmac.js';
import type { CardRow, CardsRepository, EmailRow } from './repository.js';
import type { CountryCode } from 'libphonenumber-js/min';
import { phoneKey } from './phone-key.js';

export type Recognition =
  | { status: 'known'; customerId: string; last4: string }
  | { status: 'unknown'; last4: string; enrollToken: string };

/** A card, phone or e-mail ready to be stored: its HMAC and what may be shown of it. */
export type PreparedIdentifier =
  | { kind: CardKind; hmac: string; last4: string }
  | { kind: 'email'; hmac: string; hint: string };

export type Prepared<T> = { ok: true; value: T } | { ok: false; code: 'VITRINA_ERR_CARD_INVALID' | 'VITRINA_ERR_SCAN_MALFORMED' | 'VITRINA_ERR_VALIDATION'; message: string };

export interface EnrollResult {
  customerId: string;
  last4: string;
  /** The full number of a card issued at enrollment (shopper came with a phone number only); shown once, never stored in clear. */
  virtualCard: string | null;
}

export interface EnrollOptions {
  /** An extra phone number given with a card (ignored when the shopper came with a phone). */
  phone?: string;
  /** An e-mail address: stored as its HMAC and a masked hint. */
  email?: string;
  /** Already validated YYYY-MM-DD (customers' `birthDateOf`). */
  birthDate?: string;
  /**
   * A step of another domain that must commit with the enrollment or not at all (claiming a
   * friend's referral code). Its refusal keeps the enroll token, like a taken phone number.
   */
  alsoIn?: (tx: Queryable, customerId: string) => Promise<unknown>;
}

interface PendingEnrollment {
  hmac: string;
  kind: CardKind;
  last4: string;
  expiresAt: number;
}

export interface CardsOptions {
  patterns: string[];
  /**
   * Prefix of the EAN-13 numbers issued as virtual cards. GS1 keeps 200–299 for in-store
   * numbering; the demo store's plastic cards are 2990…, so virtual ones default to 2991….
   */
  virtualCardPrefix?: string;
  /** Version of the consent text the kiosk shows; recorded with each kiosk enrollment. */
  kioskConsentTextVersion?: string;
  /** The store's country (from STORE_LOCALE): how national phone numbers are read (phone-key.ts). */
  phoneRegion?: CountryCode;
}

const ENROLL_TTL_MS = 10 * 60_000;
/** Unknown cards waiting for enrollment: the oldest go first, so a flood of scans cannot grow memory. */
const MAX_PENDING = 1000;
export const DEFAULT_VIRTUAL_CARD_PREFIX = '2991';
export const DEFAULT_KIOSK_CONSENT_TEXT_VERSION = 'kiosk-1';

/**
 * Recognizes a scanned or typed identifier: validate → HMAC → card → customer. The raw number
 * never leaves this service: unknown cards get a short-lived enroll token instead.
 */
export class CardsService {
  private readonly parse: ReturnType<typeof createCardNumberParser>;
  private readonly parseScan: ReturnType<typeof createCardNumberParser>;
  private readonly pending = new Map<string, PendingEnrollment>();
  private readonly virtualPrefix: string;
  private readonly kioskTextVersion: string;
  private readonly phoneRegion: CountryCode | undefined;
  private readonly hmac: (kind: string, value: string) => string;

  constructor(
    private readonly db: Database,
    private readonly repo: CardsRepository,
    private readonly customers: Pick<CustomersService, 'isActive' | 'insert' | 'recordConsentsIn'>,
    secret: string,
    options: CardsOptions,
  ) {
    this.hmac = identifierHmacWith(secret);
    this.parse = createCardNumberParser({ patterns: options.patterns });
    // A hardware scan cannot carry a phone number: a 13-digit scan with a bad check digit is invalid.
    // Import columns of card numbers use the same rules: a card column never holds a phone.
    this.parseScan = createCardNumberParser({ patterns: options.patterns, allowPhone: false });
    this.virtualPrefix = options.virtualCardPrefix ?? DEFAULT_VIRTUAL_CARD_PREFIX;
    this.kioskTextVersion = options.kioskConsentTextVersion ?? DEFAULT_KIOSK_CONSENT_TEXT_VERSION;
    this.phoneRegion = options.phoneRegion;
    makeEan13(this.virtualPrefix, 0); // a bad prefix fails at boot, not at the first enrollment
  }

  /** HMAC under the install secret; `member` is an imported member's id in the store's old program. */
  /** Phones are hashed in their one canonical spelling, whichever path they came in by (keypad, enrollment, import, search). */
  hmacOf(kind: CardKind | 'email' | 'member', value: string) {
    return this.hmac(kind, kind === 'phone' ? phoneKey(value, this.phoneRegion) : value);
  }

  /**
   * `onFound` is called with the card's shopper as soon as the card is read, before their row is
   * checked: the scan starts reading the shopper's rows there (one statement instead of two).
   */
  async recognize(raw: unknown, source: 'keypad' | 'wedge' | 'scanner', opts: { onFound?(customerId: string): void } = {}): Promise<Recognition> {
    const parsed = (source === 'keypad' ? this.parse : this.parseScan)(raw);
    if (!parsed.ok) throw new VitrinaError(parsed.code, parsed.message);
    const hmac = this.hmacOf(parsed.kind, parsed.value);
    const found = (await this.repo.byHmac(hmac)) ?? (source === 'keypad' ? await this.phoneReading(parsed.kind, raw) : undefined);
    if (found) {
      if (found.status === 'blocked') throw new VitrinaError('VITRINA_ERR_CARD_BLOCKED');
      opts.onFound?.(found.customer_id);
      if (await this.customers.isActive(found.customer_id)) return { status: 'known', customerId: found.customer_id, last4: found.last4 };
    }
    // An unknown card or phone number: the shopper may join with it (a phone gets a virtual card).
    // Twelve digits or more without a + are far more likely a mistyped card number than a phone:
    // joining with it would register the typo, so the shopper is asked to check the number.
    if (parsed.kind === 'phone' && !parsed.value.startsWith('+') && parsed.value.length >= 12) {
      throw new VitrinaError('VITRINA_ERR_CARD_UNKNOWN', 'No card or phone number matches; please check the number.');
    }
    this.sweep();
    const enrollToken = randomBytes(18).toString('base64url');
    this.pending.set(enrollToken, { hmac, kind: parsed.kind, last4: parsed.last4, expiresAt: Date.now() + ENROLL_TTL_MS });
    while (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    return { status: 'unknown', last4: parsed.last4, enrollToken };
  }

  /**
   * Typed digits that read as a card (a 12-digit phone can pass Luhn, one in ten) may still be a
   * registered phone number: look that up too before calling them unknown.
   */
  private async phoneReading(kind: CardKind, raw: unknown) {
    if (kind === 'phone') return undefined;
    const phone = normalizePhone(raw);
    return phone.ok ? this.repo.byHmac(this.hmacOf('phone', phone.value)) : undefined;
  }

  /**
   * Creates the customer, their card or phone, and the consent records in one transaction; the
   * token is single-use. A shopper who came with a phone number gets a virtual card; one who
   * came with a card may add a phone number.
   */
  async enroll(enrollToken: string, firstName: string, consents: Consents, opts: EnrollOptions = {}): Promise<EnrollResult> {
    const p = this.pending.get(enrollToken);
    if (!p || p.expiresAt < Date.now()) throw new VitrinaError('VITRINA_ERR_SESSION_UNKNOWN', 'The enrollment has expired; scan the card again.');
    if (!consents.program) throw new VitrinaError('VITRINA_ERR_CONSENT_REQUIRED', 'Joining needs consent to the loyalty program.');
    let extraPhone: { hmac: string; last4: string } | null = null;
    if (opts.phone !== undefined && p.kind !== 'phone') {
      const phone = normalizePhone(opts.phone);
      if (!phone.ok) throw new VitrinaError('VITRINA_ERR_CARD_INVALID', phone.message);
      extraPhone = { hmac: this.hmacOf('phone', phone.value), last4: phone.last4 };
    }
    let email: { hmac: string; hint: string } | null = null;
    if (opts.email !== undefined) {
      const parsed = normalizeEmail(opts.email);
      if (!parsed.ok) throw new VitrinaError('VITRINA_ERR_VALIDATION', parsed.message, [{ path: '/email', message: parsed.message }]);
      email = { hmac: this.hmacOf('email', parsed.value), hint: parsed.hint };
    }
    this.pending.delete(enrollToken);
    const now = nowIso();
    const customerId = newId('cust');
    // A refusal about an optional field (phone, e-mail, the friend's code) leaves the card free:
    // the token goes back so the shopper can fix that field on the same screen.
    let optionalRefused = false;
    const optional = async <T>(step: () => Promise<T>) => {
      try {
        return await step();
      } catch (err) {
        optionalRefused = true;
        throw err;
      }
    };
    const virtualCard = await this.db.transaction(async (tx) => {
      if (await this.repo.exists(tx, p.hmac)) throw new VitrinaError('VITRINA_ERR_CONFLICT', p.kind === 'phone' ? 'That phone number is already registered.' : 'That card is already registered.');
      if (extraPhone && (await this.repo.exists(tx, extraPhone.hmac))) {
        optionalRefused = true;
        throw new VitrinaError('VITRINA_ERR_CONFLICT', 'That phone number is already registered.');
      }
      if (email && (await this.repo.emailExists(tx, email.hmac))) {
        optionalRefused = true;
        throw new VitrinaError('VITRINA_ERR_CONFLICT', 'That e-mail address is already registered.', [{ path: '/email', message: 'already registered' }]);
      }
      await this.customers.insert(tx, {
        id: customerId, first_name: firstName.trim(), birth_date: opts.birthDate ?? null, enrolled_at: now,
        consent_program: 1, consent_marketing: consents.marketing ? 1 : 0, consent_profiling: consents.profiling ? 1 : 0,
        consents_updated_at: now, source_ref: null, erased_at: null,
      });
      await this.customers.recordConsentsIn(tx, customerId, consentRecordsOf(consents, this.kioskTextVersion, now, 'kiosk'), now);
      const rows: CardRow[] = [{ hmac: p.hmac, kind: p.kind, last4: p.last4, customer_id: customerId, status: 'active', created_at: now }];
      if (extraPhone) rows.push({ hmac: extraPhone.hmac, kind: 'phone', last4: extraPhone.last4, customer_id: customerId, status: 'active', created_at: now });
      await this.repo.insertMany(tx, rows);
      if (email) await this.repo.insertEmails(tx, [{ hmac: email.hmac, hint: email.hint, customer_id: customerId, created_at: now }]);
      if (opts.alsoIn) await optional(() => opts.alsoIn!(tx, customerId));
      return p.kind === 'phone' ? this.issueVirtualIn(tx, customerId, now) : null;
    }).catch((err: unknown) => {
      if (optionalRefused) this.pending.set(enrollToken, p);
      throw err;
    });
    return { customerId, last4: virtualCard ? virtualCard.slice(-4) : p.last4, virtualCard };
  }

  /** A fresh EAN-13 under the virtual prefix, drawn at random (sequential numbers would be guessable at the keypad). */
  private async issueVirtualIn(tx: Queryable, customerId: string, at: string): Promise<string> {
    const width = 12 - this.virtualPrefix.length;
    for (let attempt = 0; attempt < 20; attempt++) {
      const number = makeEan13(this.virtualPrefix, randomInt(0, 10 ** Math.min(width, 12)));
      const hmac = this.hmacOf('ean13', number);
      if (await this.repo.exists(tx, hmac)) continue;
      await this.repo.insert(tx, { hmac, kind: 'ean13', last4: number.slice(-4), customer_id: customerId, status: 'active', created_at: at, virtual: 1 });
      return number;
    }
    throw new VitrinaError('VITRINA_ERR_UNAVAILABLE', 'No free virtual card number was found; widen the virtual card range.');
  }

  /** A card number from an import or the console: card rules as for a scan (no phone), hashed. */
  prepareCard(raw: string): Prepared<PreparedIdentifier & { kind: CardKind }> {
    const parsed = this.parseScan(raw);
    if (!parsed.ok) return parsed;
    return { ok: true, value: { kind: parsed.kind, hmac: this.hmacOf(parsed.kind, parsed.value), last4: parsed.last4 } };
  }

  preparePhone(raw: string): Prepared<PreparedIdentifier & { kind: 'phone' }> {
    const phone = normalizePhone(raw);
    if (!phone.ok) return { ok: false, code: 'VITRINA_ERR_CARD_INVALID', message: phone.message };
    return { ok: true, value: { kind: 'phone', hmac: this.hmacOf('phone', phone.value), last4: phone.last4 } };
  }

  prepareEmail(raw: string): Prepared<PreparedIdentifier & { kind: 'email' }> {
    const email = normalizeEmail(raw);
    if (!email.ok) return { ok: false, code: 'VITRINA_ERR_VALIDATION', message: email.message };
    return { ok: true, value: { kind: 'email', hmac: this.hmacOf('email', email.value), hint: email.hint } };
  }

  /** Which of these prepared identifiers are already registered to someone. */
  existing(hmacs: readonly string[]) {
    return this.repo.existing(hmacs);
  }

  /** Stores prepared identifiers for customers inside the caller's transaction (bulk imports). */
  async addManyIn(tx: Queryable, items: ReadonlyArray<{ id: PreparedIdentifier; customerId: string }>, at: string) {
    const cards: CardRow[] = [];
    const emails: EmailRow[] = [];
    for (const { id, customerId } of items) {
      if (id.kind === 'email') emails.push({ hmac: id.hmac, hint: id.hint, customer_id: customerId, created_at: at });
      else cards.push({ hmac: id.hmac, kind: id.kind, last4: id.last4, customer_id: customerId, status: 'active', created_at: at });
    }
    await this.repo.insertMany(tx, cards);
    await this.repo.insertEmails(tx, emails);
  }

  /** Registers a card for a customer inside the caller's transaction (demo store). */
  addIn(tx: Queryable, card: { kind: CardKind; number: string; customerId: string; at: string }) {
    return this.repo.insert(tx, { hmac: this.hmacOf(card.kind, card.number), kind: card.kind, last4: card.number.slice(-4), customer_id: card.customerId, status: 'active', created_at: card.at });
  }

  /**
   * The customer a staff member's exact search term leads to: an e-mail address, a card number
   * or a phone number (each tried through its HMAC). Null when it is none of them or unknown.
   */
  async customerOf(term: string): Promise<string | null> {
    if (term.includes('@')) {
      const email = normalizeEmail(term);
      return email.ok ? (await this.repo.emailByHmac(this.hmacOf('email', email.value)))?.customer_id ?? null : null;
    }
    const hmacs: string[] = [];
    const card = this.parseScan(term);
    if (card.ok) hmacs.push(this.hmacOf(card.kind, card.value));
    const phone = normalizePhone(term);
    if (phone.ok) hmacs.push(this.hmacOf('phone', phone.value));
    for (const hmac of hmacs) {
      const row = await this.repo.byHmac(hmac);
      if (row) return row.customer_id;
    }
    return null;
  }

  /** What a customer's profile and export show of their cards and phone: never the number, only the last 4. */
  async cardsOf(customerId: string) {
    return (await this.repo.cardsOf(customerId)).map((c) => ({ kind: c.kind, last4: c.last4, status: c.status, virtual: c.virtual === 1 }));
  }

  /** Masked hints of a customer's e-mail addresses. */
  async emailsOf(customerId: string) {
    return (await this.repo.emailsOf(customerId)).map((e) => e.hint);
  }

  /** Erasure: the customer's cards, phones and e-mails stop leading to them. Returns how many cards and phones were removed. */
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
