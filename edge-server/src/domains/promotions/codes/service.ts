import { randomInt } from 'node:crypto';
import type { ClaimedCode, CreateCodesRequest, PromoCode, PromotionDefinition, RedeemCodeRequest, RedeemCodeResponse } from '@vitrina/contracts';
import type { Database, Queryable } from '../../../platform/db/database.js';
import { nowIso } from '../../../shared/ids.js';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import { localDateOf } from '../../../shared/calendar.js';
import type { PromotionsService } from '../service.js';
import type { CodesRepository } from './repository.js';
import type { CustomersService } from '../../customers/index.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function normalizeCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * Promo codes: single-use (maxUses 1) or multi-use, with an optional per-customer limit.
 * Every check and the use it guards run in one serialized transaction, so 50 tills racing
 * for one single-use code produce exactly one redemption.
 */
export class CodesService {
  constructor(
    private readonly db: Database,
    private readonly repo: CodesRepository,
    private readonly promotions: PromotionsService,
    private readonly timeZone: string,
    private readonly customers: Pick<CustomersService, 'isActive'>,
  ) {}

  async create(req: CreateCodesRequest): Promise<PromoCode[]> {
    if (!req.codes === !req.count) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'Give either codes or count.');
    const codes = req.codes ? req.codes.map(normalizeCode) : Array.from({ length: req.count! }, () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
    if (new Set(codes).size !== codes.length) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'Codes must be unique.');
    await this.db.transaction(async (tx) => {
      if (!(await this.promotions.row(tx, req.promotionId))) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No promotion "${req.promotionId}".`);
      for (const c of codes) if (await this.repo.byCode(tx, c)) throw new VitrinaError('VITRINA_ERR_CONFLICT', `Code "${c}" exists.`);
      await this.repo.insertCodes(tx, codes, req.promotionId, req.maxUses ?? null, req.maxUsesPerCustomer ?? null, nowIso());
    });
    return this.list(req.promotionId).then((all) => all.filter((c) => codes.includes(c.code)));
  }

  async list(promotionId: string): Promise<PromoCode[]> {
    return (await this.repo.list(this.db, promotionId)).map((r) => ({ code: r.code, promotionId: r.promotion_id, maxUses: r.max_uses, maxUsesPerCustomer: r.max_uses_per_customer, uses: r.uses }));
  }

  /** Checks that a code can be used now by this customer; returns its promotion. Writes nothing. */
  async check(q: Queryable, rawCode: string, customerId: string | null, day: string): Promise<{ code: string; promotionId: string; def: PromotionDefinition }> {
    const code = normalizeCode(rawCode);
    const row = await this.repo.byCode(q, code);
    if (!row) throw new VitrinaError('VITRINA_ERR_CODE_UNKNOWN', `Unknown code "${code}".`);
    const promo = await this.promotions.row(q, row.promotion_id);
    if (!promo) throw new VitrinaError('VITRINA_ERR_CODE_UNKNOWN');
    const def = JSON.parse(promo.definition) as PromotionDefinition;
    const campaign = promo.campaign_id ? (await this.promotions.campaignsById(q)).get(promo.campaign_id) : undefined;
    if (promo.status === 'ended' || day > promo.ends_on || (campaign && (campaign.status === 'ended' || day > campaign.ends_on))) {
      throw new VitrinaError('VITRINA_ERR_CAMPAIGN_ENDED', `Code "${code}" belongs to a campaign that has ended.`);
    }
    if (promo.status !== 'live' || day < promo.starts_on) throw new VitrinaError('VITRINA_ERR_OFFER_NOT_ELIGIBLE', `Code "${code}" is not active (paused or not started).`);
    const { uses, customerUses } = await this.repo.counts(q, code, customerId);
    if (row.max_uses !== null && uses >= row.max_uses) {
      throw new VitrinaError(row.max_uses === 1 ? 'VITRINA_ERR_CODE_ALREADY_USED' : 'VITRINA_ERR_CODE_LIMIT_REACHED', `Code "${code}" has already been used${row.max_uses === 1 ? '' : ` ${uses} times`}.`);
    }
    if (customerId && row.max_uses_per_customer !== null && customerUses >= row.max_uses_per_customer) {
      throw new VitrinaError(row.max_uses_per_customer === 1 ? 'VITRINA_ERR_CODE_ALREADY_USED' : 'VITRINA_ERR_CODE_LIMIT_REACHED', `This shopper has already used code "${code}".`);
    }
    const usage = (await this.promotions.usage(q, [promo.id], customerId)).get(promo.id)!;
    if (def.limits.budgetMinor !== undefined && usage.discountMinor >= def.limits.budgetMinor) throw new VitrinaError('VITRINA_ERR_BUDGET_EXHAUSTED');
    if (def.limits.maxUses !== undefined && usage.uses >= def.limits.maxUses) throw new VitrinaError('VITRINA_ERR_BUDGET_EXHAUSTED', 'The promotion behind this code has reached its limit.');
    return { code, promotionId: promo.id, def };
  }

  /** Records a code used on a receipt (inside the receipt's transaction). */
  recordOnReceipt(tx: Queryable, code: string, customerId: string | null, receiptId: string, at: string) {
    return this.repo.insertRedemption(tx, { code, customerId, receiptId, deviceId: null, idempotencyKey: `receipt:${receiptId}:${code}`, at });
  }

  /** A kiosk or till claims a code for a shopper: the use is spent now, the promotion granted. */
  async redeemForCustomer(rawCode: string, req: RedeemCodeRequest, at = nowIso()): Promise<RedeemCodeResponse> {
    if (!(await this.customers.isActive(req.customerId))) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    const day = localDateOf(this.timeZone, at);
    const key = `claim:${req.idempotencyKey}`;
    return this.db.transaction(async (tx) => {
      const prior = await this.repo.byKey(tx, key);
      const code = normalizeCode(rawCode);
      if (prior) {
        if (prior.code !== code || prior.customer_id !== req.customerId) throw new VitrinaError('VITRINA_ERR_CONFLICT', 'That idempotency key was used for another claim.');
        const row = await this.repo.byCode(tx, code);
        const promo = row ? await this.promotions.row(tx, row.promotion_id) : undefined;
        return { code, promotionId: row!.promotion_id, customerId: req.customerId, validTo: promo!.ends_on };
      }
      const { promotionId, def } = await this.check(tx, code, req.customerId, day);
      await this.repo.insertRedemption(tx, { code, customerId: req.customerId, receiptId: null, deviceId: req.deviceId ?? null, idempotencyKey: key, at });
      await this.promotions.grantIn(tx, { promotionId, customerId: req.customerId, source: 'code', sourceKey: key, validFrom: day, validTo: def.conditions.endsOn });
      return { code, promotionId, customerId: req.customerId, validTo: def.conditions.endsOn };
    });
  }

  /**
   * The kiosk's My card: a shopper claims a code to their card. The same checks as at the till,
   * plus the promotion's audience (a code for one shopper, a segment or tiers is refused to
   * anyone else). Unknown, used up, expired, not for this shopper: a distinct coded error and
   * nothing written. A retry with the same key returns the first claim.
   */
  async claimToCard(rawCode: string, c: { customerId: string; tierId: string; deviceId: string; key: string }, at = nowIso()): Promise<ClaimedCode> {
    const day = localDateOf(this.timeZone, at);
    const key = `card:${c.key}`;
    return this.db.transaction(async (tx) => {
      const code = normalizeCode(rawCode);
      const prior = await this.repo.byKey(tx, key);
      if (prior && prior.code === code && prior.customer_id === c.customerId) {
        const row = (await this.repo.byCode(tx, code))!;
        const def = JSON.parse((await this.promotions.row(tx, row.promotion_id))!.definition) as PromotionDefinition;
        return { code, name: def.name, validTo: def.conditions.endsOn };
      }
      const { promotionId, def } = await this.check(tx, code, c.customerId, day).catch((err: unknown) => {
        // At the till an ended campaign is the campaign's state; to a shopper holding a code it is an expired code.
        if (err instanceof VitrinaError && err.code === 'VITRINA_ERR_CAMPAIGN_ENDED') throw new VitrinaError('VITRINA_ERR_CODE_EXPIRED', `Code "${code}" has expired.`);
        throw err;
      });
      await this.checkAudience(tx, def, c.customerId, c.tierId, code);
      await this.repo.insertRedemption(tx, { code, customerId: c.customerId, receiptId: null, deviceId: c.deviceId, idempotencyKey: key, at });
      await this.promotions.grantIn(tx, { promotionId, customerId: c.customerId, source: 'code', sourceKey: key, validFrom: day, validTo: def.conditions.endsOn });
      return { code, name: def.name, validTo: def.conditions.endsOn };
    });
  }

  /** A code whose promotion is for one shopper, a segment or some tiers is not for anyone else. */
  private async checkAudience(q: Queryable, def: PromotionDefinition, customerId: string, tierId: string, code: string) {
    const a = def.audience;
    const outside = (a.type === 'customer' && a.customerId !== customerId)
      || (a.type === 'segment' && !(await this.promotions.segmentsOf(q, customerId)).has(a.segment))
      || (def.conditions.tierIds !== undefined && !def.conditions.tierIds.includes(tierId));
    if (outside) throw new VitrinaError('VITRINA_ERR_CODE_NOT_FOR_CUSTOMER', `Code "${code}" is not for this shopper.`);
  }
}
