import { randomInt } from 'node:crypto';
import type { GiftCardBalance, IssueGiftCardResponse } from '@vitrina/contracts';
import type { Database, Queryable } from '../../platform/db/database.js';
import { newId, nowIso } from '../../shared/ids.js';
import { isAcceptedLocalDate, localDateOf } from '../../shared/calendar.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { GiftCardRow, GiftCardsRepository } from './repository.js';

/** A gift card movement made inside the caller's transaction (a receipt's tender or its return). */
export interface TenderMovement {
  amountMinor: number;
  idempotencyKey: string;
  receiptId: string;
  at: string;
  /** Store-local day of the receipt: the card's expiry is checked against it. */
  day: string;
}

/**
 * Gift cards with their own append-only ledger (issue, redeem, refund). The number is a bearer
 * secret: shown once at issue, stored only as an HMAC with its last 4 digits. Balance is derived
 * and checked inside the serialized transaction, so it can never go below zero. A card may have
 * a last day (expiresOn) and may be blocked; neither an expired nor a blocked card pays.
 */
export class GiftCardsService {
  constructor(
    private readonly db: Database,
    private readonly repo: GiftCardsRepository,
    private readonly hmac: (number: string) => string,
    private readonly timeZone: string,
  ) {}

  async issue(amountMinor: number, idempotencyKey: string, expiresOn?: string): Promise<IssueGiftCardResponse> {
    if (expiresOn !== undefined && (!isAcceptedLocalDate(expiresOn) || expiresOn < this.today())) {
      throw new VitrinaError('VITRINA_ERR_VALIDATION', 'expiresOn must be a real day, today or later.', [{ path: '/expiresOn', message: 'in the past or not a day' }]);
    }
    const key = `issue:${idempotencyKey}`;
    const number = Array.from({ length: 16 }, () => String(randomInt(10))).join('');
    return this.db.transaction(async (tx) => {
      if (await this.repo.movementByKey(tx, key)) throw new VitrinaError('VITRINA_ERR_CONFLICT', 'That gift card was already issued; its number was shown once.');
      const id = newId('gc');
      const at = nowIso();
      await this.repo.insertCard(tx, { id, codeHmac: this.hmac(number), last4: number.slice(-4), at, expiresOn: expiresOn ?? null });
      await this.repo.insertMovement(tx, { cardId: id, kind: 'issue', amount: amountMinor, key, receiptId: null, at });
      return { number, card: await this.view(tx, id) };
    });
  }

  async balance(number: string): Promise<GiftCardBalance> {
    const card = await this.byNumber(this.db, number);
    return this.view(this.db, card.id);
  }

  async list(): Promise<GiftCardBalance[]> {
    return (await this.repo.list(this.db)).map((r) => ({ id: r.id, last4: r.last4, status: r.status, balanceMinor: r.balance, expiresOn: r.expires_on }));
  }

  /** Blocks or unblocks a card by id; answers the change for the audit log. */
  async setStatus(id: string, status: 'active' | 'blocked') {
    return this.db.transaction(async (tx) => {
      const before = await this.repo.card(tx, id);
      if (!before) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No gift card "${id}".`);
      await this.repo.setStatus(tx, id, status);
      const card = await this.view(tx, id);
      return { card, change: { before: { status: before.status }, after: { status } } };
    });
  }

  /** Pays with a gift card; a retry with the same key returns the same result. */
  redeem(number: string, amountMinor: number, idempotencyKey: string, receiptId?: string) {
    return this.move(number, 'redeem', -amountMinor, `redeem:${idempotencyKey}`, receiptId);
  }

  /** Puts money back on a gift card (a refund of a purchase paid with it). */
  refund(number: string, amountMinor: number, idempotencyKey: string, receiptId?: string) {
    return this.move(number, 'refund', amountMinor, `refund:${idempotencyKey}`, receiptId);
  }

  /**
   * A receipt's gift card tender, inside the receipt's transaction: the card must be active, not
   * expired on the receipt's day, and hold the amount. Answers the card's id and last 4.
   */
  async redeemIn(tx: Queryable, number: string, m: TenderMovement): Promise<{ giftCardId: string; last4: string }> {
    const card = await this.byNumber(tx, number);
    await this.moveIn(tx, card, 'redeem', -m.amountMinor, `redeem:${m.idempotencyKey}`, m.receiptId, m.at, m.day);
    return { giftCardId: card.id, last4: card.last4 };
  }

  /** A return's share back onto a card that paid the sale, inside the return's transaction. A blocked card refuses it. */
  async refundIn(tx: Queryable, giftCardId: string, m: TenderMovement) {
    const card = await this.repo.card(tx, giftCardId);
    if (!card) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No gift card "${giftCardId}".`);
    await this.moveIn(tx, card, 'refund', m.amountMinor, `refund:${m.idempotencyKey}`, m.receiptId, m.at, null);
    return { giftCardId: card.id, last4: card.last4 };
  }

  /** What a receipt took from each gift card (a return gives back its share of each). */
  paidByReceipt(q: Queryable, receiptId: string) {
    return this.repo.paidByReceipt(q, receiptId);
  }

  private move(number: string, kind: 'redeem' | 'refund', amount: number, key: string, receiptId?: string): Promise<GiftCardBalance> {
    return this.db.transaction(async (tx) => {
      const card = await this.byNumber(tx, number);
      await this.moveIn(tx, card, kind, amount, key, receiptId ?? null, nowIso(), kind === 'redeem' ? this.today() : null);
      return this.view(tx, card.id);
    });
  }

  /** One movement with every check; `day` given → the card must not be expired on it. Same key again → nothing written. */
  private async moveIn(tx: Queryable, card: GiftCardRow, kind: 'redeem' | 'refund', amount: number, key: string, receiptId: string | null, at: string, day: string | null) {
    const prior = await this.repo.movementByKey(tx, key);
    if (prior) {
      if (prior.gift_card_id !== card.id || prior.amount_minor !== amount) throw new VitrinaError('VITRINA_ERR_CONFLICT', 'That idempotency key was used for another movement.');
      return;
    }
    if (card.status !== 'active') throw new VitrinaError('VITRINA_ERR_CARD_BLOCKED', `Gift card …${card.last4} is blocked.`);
    if (day !== null && card.expires_on !== null && day > card.expires_on) throw new VitrinaError('VITRINA_ERR_GIFT_CARD_EXPIRED', `Gift card …${card.last4} expired on ${card.expires_on}.`);
    const balance = await this.repo.balance(tx, card.id);
    if (balance + amount < 0) throw new VitrinaError('VITRINA_ERR_INSUFFICIENT_FUNDS', `Gift card …${card.last4} holds ${balance}.`);
    if (kind === 'refund' && amount > (await this.repo.spent(tx, card.id))) throw new VitrinaError('VITRINA_ERR_REFUND_EXCEEDS_PURCHASE', 'More than was spent from this gift card.');
    await this.repo.insertMovement(tx, { cardId: card.id, kind, amount, key, receiptId, at });
  }

  private today() {
    return localDateOf(this.timeZone, new Date());
  }

  private async byNumber(q: Queryable, number: string) {
    const clean = number.replace(/[\s-]/g, '');
    const card = /^\d{16}$/.test(clean) ? await this.repo.byHmac(q, this.hmac(clean)) : undefined;
    if (!card) throw new VitrinaError('VITRINA_ERR_CODE_UNKNOWN', 'Unknown gift card.');
    return card;
  }

  private async view(q: Queryable, id: string): Promise<GiftCardBalance> {
    const card = (await this.repo.card(q, id))!;
    return { id: card.id, last4: card.last4, status: card.status, balanceMinor: await this.repo.balance(q, id), expiresOn: card.expires_on };
  }
}
