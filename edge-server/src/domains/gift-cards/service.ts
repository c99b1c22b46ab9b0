import { randomInt } from 'node:crypto';
import type { GiftCardBalance, IssueGiftCardResponse } from '@vitrina/contracts';
import type { Database, Queryable } from '../../platform/db/database.js';
import { newId, nowIso } from '../../shared/ids.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { GiftCardsRepository } from './repository.js';

/**
 * Gift cards with their own append-only ledger (issue, redeem, refund). The number is a bearer
 * secret: shown once at issue, stored only as an HMAC with its last 4 digits. Balance is derived
 * and checked inside the serialized transaction, so it can never go below zero.
 */
export class GiftCardsService {
  constructor(private readonly db: Database, private readonly repo: GiftCardsRepository, private readonly hmac: (number: string) => string) {}

  async issue(amountMinor: number, idempotencyKey: string): Promise<IssueGiftCardResponse> {
    const key = `issue:${idempotencyKey}`;
    const number = Array.from({ length: 16 }, () => String(randomInt(10))).join('');
    return this.db.transaction(async (tx) => {
      if (await this.repo.movementByKey(tx, key)) throw new VitrinaError('VITRINA_ERR_CONFLICT', 'That gift card was already issued; its number was shown once.');
      const id = newId('gc');
      const at = nowIso();
      await this.repo.insertCard(tx, { id, codeHmac: this.hmac(number), last4: number.slice(-4), at });
      await this.repo.insertMovement(tx, { cardId: id, kind: 'issue', amount: amountMinor, key, receiptId: null, at });
      return { number, card: await this.view(tx, id) };
    });
  }

  async balance(number: string): Promise<GiftCardBalance> {
    const card = await this.byNumber(this.db, number);
    return this.view(this.db, card.id);
  }

  /** Pays with a gift card; a retry with the same key returns the same result. */
  redeem(number: string, amountMinor: number, idempotencyKey: string, receiptId?: string) {
    return this.move(number, 'redeem', -amountMinor, `redeem:${idempotencyKey}`, receiptId);
  }

  /** Puts money back on a gift card (a refund of a purchase paid with it). */
  refund(number: string, amountMinor: number, idempotencyKey: string, receiptId?: string) {
    return this.move(number, 'refund', amountMinor, `refund:${idempotencyKey}`, receiptId);
  }

  private move(number: string, kind: 'redeem' | 'refund', amount: number, key: string, receiptId?: string): Promise<GiftCardBalance> {
    return this.db.transaction(async (tx) => {
      const card = await this.byNumber(tx, number);
      const prior = await this.repo.movementByKey(tx, key);
      if (prior) {
        if (prior.gift_card_id !== card.id || prior.amount_minor !== amount) throw new VitrinaError('VITRINA_ERR_CONFLICT', 'That idempotency key was used for another movement.');
        return this.view(tx, card.id);
      }
      if (card.status !== 'active') throw new VitrinaError('VITRINA_ERR_CARD_BLOCKED', 'That gift card is blocked.');
      const balance = await this.repo.balance(tx, card.id);
      if (balance + amount < 0) throw new VitrinaError('VITRINA_ERR_INSUFFICIENT_FUNDS', `The gift card holds ${balance}.`);
      if (kind === 'refund' && amount > (await this.repo.spent(tx, card.id))) throw new VitrinaError('VITRINA_ERR_REFUND_EXCEEDS_PURCHASE', 'More than was spent from this gift card.');
      await this.repo.insertMovement(tx, { cardId: card.id, kind, amount, key, receiptId: receiptId ?? null, at: nowIso() });
      return this.view(tx, card.id);
    });
  }

  private async byNumber(q: Queryable, number: string) {
    const clean = number.replace(/[\s-]/g, '');
    const card = /^\d{16}$/.test(clean) ? await this.repo.byHmac(q, this.hmac(clean)) : undefined;
    if (!card) throw new VitrinaError('VITRINA_ERR_CODE_UNKNOWN', 'Unknown gift card.');
    return card;
  }

  private async view(q: Queryable, id: string): Promise<GiftCardBalance> {
    const card = (await this.repo.card(q, id))!;
    return { id: card.id, last4: card.last4, status: card.status, balanceMinor: await this.repo.balance(q, id) };
  }
}
