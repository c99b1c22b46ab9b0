import type { CreateRewardRequest, KioskRewards, Reward, RewardRedemption } from '@vitrina/contracts';
import type { Database, Queryable } from '../../platform/db/database.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { addDays, FIRST_ACCEPTED_DAY, isAcceptedLocalDate, LAST_ACCEPTED_DAY } from '../../shared/calendar.js';
import { newId, nowIso } from '../../shared/ids.js';
import type { CardsService } from '../cards/index.js';
import type { Catalog } from '../catalog/index.js';
import type { CustomersService } from '../customers/index.js';
import type { LoyaltyService } from '../loyalty/index.js';
import type { PromotionsService } from '../promotions/index.js';
import type { RedemptionRow, RewardRow, RewardsRepository } from './repository.js';

export interface RewardsDeps {
  loyalty: Pick<LoyaltyService, 'redeemIn' | 'awardIn' | 'stateAt' | 'today'>;
  /** A voucher reward is a grant of a promotion (applied at checkout by the engine like any grant). */
  promotions: Pick<PromotionsService, 'row' | 'grantIn' | 'withdrawGrantIn'>;
  catalog: Pick<Catalog, 'exists'>;
  customers: Pick<CustomersService, 'get'>;
  /** The till names the member by the card it scanned. */
  cards: Pick<CardsService, 'recognize'>;
}

/** Where a redemption was asked for. */
export type RewardChannel = 'kiosk' | 'till';

/**
 * The rewards catalogue (Open Loyalty's "rewards"): items a member buys with points. A redemption
 * is one transaction: the reward is active today, in stock and under the member's limit, the
 * points are taken (balance checked inside), one unit of stock taken, and for a voucher the
 * promotion granted to the card. Any refusal writes nothing. A reversal (the reward came back)
 * restores the points and the stock and withdraws a voucher not yet used.
 */
export class RewardsService {
  constructor(private readonly db: Database, private readonly repo: RewardsRepository, private readonly deps: RewardsDeps) {}

  async create(req: CreateRewardRequest): Promise<Reward> {
    if (!isAcceptedLocalDate(req.startsOn) || !isAcceptedLocalDate(req.endsOn) || req.startsOn > req.endsOn) {
      throw new VitrinaError('VITRINA_ERR_VALIDATION', `The period must be real days from ${FIRST_ACCEPTED_DAY} to ${LAST_ACCEPTED_DAY}, with start ≤ end.`);
    }
    if (req.kind === 'product' && !req.productId) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'A product reward names its product.', [{ path: '/productId', message: 'required' }]);
    if (req.kind === 'voucher' && (!req.promotionId || !req.voucherValidDays)) {
      throw new VitrinaError('VITRINA_ERR_VALIDATION', 'A voucher reward names its promotion and how many days the voucher is valid.', [{ path: '/promotionId', message: 'required' }]);
    }
    const id = req.id ?? newId('reward');
    await this.db.transaction(async (tx) => {
      if (await this.repo.byId(tx, id)) throw new VitrinaError('VITRINA_ERR_CONFLICT', `Reward "${id}" exists.`);
      if (req.productId && !(await this.deps.catalog.exists(tx, req.productId))) throw new VitrinaError('VITRINA_ERR_PRODUCT_UNKNOWN', `Unknown product "${req.productId}".`);
      if (req.kind === 'voucher' && !(await this.deps.promotions.row(tx, req.promotionId!))) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No promotion "${req.promotionId}".`);
      await this.repo.insert(tx, {
        id, kind: req.kind, name: req.name, points_price: req.pointsPrice, stock: req.stock ?? null, per_member_limit: req.perMemberLimit ?? null,
        starts_on: req.startsOn, ends_on: req.endsOn, product_id: req.kind === 'product' ? req.productId! : req.productId ?? null,
        promotion_id: req.kind === 'voucher' ? req.promotionId! : null, voucher_valid_days: req.kind === 'voucher' ? req.voucherValidDays! : null, status: 'active',
      }, nowIso());
    });
    return this.get(id);
  }

  async list(): Promise<Reward[]> {
    return (await this.repo.list(this.db)).map(view);
  }

  async get(id: string): Promise<Reward> {
    const found = (await this.repo.list(this.db)).find((r) => r.id === id);
    if (!found) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No reward "${id}".`);
    return view(found);
  }

  async setStatus(id: string, status: RewardRow['status']): Promise<Reward> {
    if (!(await this.db.transaction((tx) => this.repo.setStatus(tx, id, status)))) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No reward "${id}".`);
    return this.get(id);
  }

  /** What a member sees on the kiosk's My card: rewards active today, each with what stops it (if anything). */
  async forMember(customerId: string): Promise<KioskRewards> {
    const day = this.deps.loyalty.today();
    const [rows, counts, state] = await Promise.all([this.repo.list(this.db), this.repo.countsOf(this.db, customerId), this.deps.loyalty.stateAt(this.db, customerId, day)]);
    const live = rows.filter((r) => r.status === 'active' && r.starts_on <= day && r.ends_on >= day);
    return {
      pointsBalance: state.balance,
      rewards: live.map((r) => ({
        id: r.id, kind: r.kind, name: r.name, pointsPrice: r.points_price, stock: r.stock,
        blockedBy: r.stock !== null && r.stock <= 0 ? 'stock' as const
          : r.per_member_limit !== null && (counts.get(r.id) ?? 0) >= r.per_member_limit ? 'limit' as const
          : state.balance < r.points_price ? 'points' as const : null,
      })),
    };
  }

  /**
   * Redeems a reward for a member. The same key again answers the first redemption and writes
   * nothing; the same key for another reward or member is a conflict.
   */
  async redeem(r: { rewardId: string; customerId: string; idempotencyKey: string; channel: RewardChannel }): Promise<RewardRedemption> {
    const customer = await this.deps.customers.get(r.customerId);
    if (!customer.consents.program) throw new VitrinaError('VITRINA_ERR_CONSENT_REQUIRED', 'Rewards are for program members.');
    return this.db.transaction(async (tx) => {
      const prior = await this.repo.redemptionByKey(tx, r.idempotencyKey);
      if (prior) {
        if (prior.reward_id !== r.rewardId || prior.customer_id !== r.customerId) throw new VitrinaError('VITRINA_ERR_CONFLICT', 'That idempotency key was used for another redemption.');
        return this.viewRedemption(tx, prior);
      }
      const reward = await this.repo.byId(tx, r.rewardId);
      if (!reward) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No reward "${r.rewardId}".`);
      const at = nowIso();
      const day = this.deps.loyalty.today(at);
      if (reward.status !== 'active' || day < reward.starts_on || day > reward.ends_on) throw new VitrinaError('VITRINA_ERR_REWARD_INACTIVE');
      if (reward.per_member_limit !== null && ((await this.repo.countsOf(tx, r.customerId)).get(reward.id) ?? 0) >= reward.per_member_limit) {
        throw new VitrinaError('VITRINA_ERR_REWARD_LIMIT_REACHED', `At most ${reward.per_member_limit} per member.`);
      }
      if (!(await this.repo.takeStock(tx, reward.id))) throw new VitrinaError('VITRINA_ERR_REWARD_OUT_OF_STOCK');
      const id = newId('rdm');
      // Throws VITRINA_ERR_INSUFFICIENT_POINTS inside the transaction: the stock taken above rolls back.
      await this.deps.loyalty.redeemIn(tx, { customerId: r.customerId, points: reward.points_price, idempotencyKey: `reward:${id}`, at });
      let voucherValidTo: string | null = null;
      if (reward.kind === 'voucher') {
        voucherValidTo = addDays(day, reward.voucher_valid_days! - 1);
        await this.deps.promotions.grantIn(tx, { promotionId: reward.promotion_id!, customerId: r.customerId, source: 'reward', sourceKey: `reward:${id}`, validFrom: day, validTo: voucherValidTo });
      }
      const row = {
        id, reward_id: reward.id, customer_id: r.customerId, points: reward.points_price, idempotency_key: r.idempotencyKey, channel: r.channel, at,
        voucher_promotion_id: reward.kind === 'voucher' ? reward.promotion_id : null, voucher_valid_to: voucherValidTo,
      };
      await this.repo.insertRedemption(tx, row);
      return this.viewRedemption(tx, { ...row, status: 'redeemed', reversed_at: null, reverse_reason: null });
    });
  }

  /** At the till: the member by the card scanned (or by id), then `redeem`. */
  async redeemAtTill(rewardId: string, req: { cardNumber?: string; customerId?: string; idempotencyKey: string }): Promise<RewardRedemption> {
    let customerId = req.customerId;
    if (req.cardNumber !== undefined) {
      const r = await this.deps.cards.recognize(req.cardNumber, 'keypad');
      if (r.status !== 'known') throw new VitrinaError('VITRINA_ERR_CARD_UNKNOWN');
      customerId = r.customerId;
    }
    if (!customerId) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'Name the member by cardNumber or customerId.', [{ path: '/cardNumber', message: 'required' }]);
    return this.redeem({ rewardId, customerId, idempotencyKey: req.idempotencyKey, channel: 'till' });
  }

  /**
   * Reverses a redemption (the reward was returned or not given): the points come back, the stock
   * too, and a voucher not used yet is withdrawn. A voucher already used on a receipt cannot be
   * reversed here (VITRINA_ERR_CONFLICT: return that receipt). A second call answers the same.
   */
  async reverse(redemptionId: string, reason: string): Promise<RewardRedemption> {
    return this.db.transaction(async (tx) => {
      const row = await this.repo.redemption(tx, redemptionId);
      if (!row || row.customer_id === 'erased') throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No redemption "${redemptionId}".`);
      if (row.status === 'reversed') return this.viewRedemption(tx, row);
      if (row.voucher_promotion_id && !(await this.deps.promotions.withdrawGrantIn(tx, `reward:${row.id}`))) {
        throw new VitrinaError('VITRINA_ERR_CONFLICT', 'The voucher was already used on a receipt; return that receipt instead.');
      }
      const at = nowIso();
      await this.deps.loyalty.awardIn(tx, { customerId: row.customer_id, kind: 'restore', points: row.points, idempotencyKey: `reward-reverse:${row.id}`, at, note: reason });
      await this.repo.returnStock(tx, row.reward_id);
      await this.repo.markReversed(tx, row.id, at, reason);
      return this.viewRedemption(tx, { ...row, status: 'reversed', reversed_at: at, reverse_reason: reason });
    });
  }

  /** A member's redemptions, for their data export. */
  exportOf(q: Queryable, customerId: string) {
    return this.repo.redemptionsOf(q, customerId);
  }

  /** Erasure: redemptions stop naming the person (counts and stock stay right). */
  forgetCustomerIn(tx: Queryable, customerId: string) {
    return this.repo.forgetCustomer(tx, customerId);
  }

  private async viewRedemption(q: Queryable, row: RedemptionRow): Promise<RewardRedemption> {
    const reward = (await this.repo.byId(q, row.reward_id))!;
    const balanceAfter = (await this.deps.loyalty.stateAt(q, row.customer_id, this.deps.loyalty.today())).balance;
    return {
      id: row.id, rewardId: row.reward_id, rewardName: reward.name, kind: reward.kind, points: row.points, status: row.status, at: row.at, balanceAfter,
      voucher: row.voucher_promotion_id ? { promotionId: row.voucher_promotion_id, validTo: row.voucher_valid_to! } : null,
    };
  }
}

function view(r: RewardRow & { redeemed: number }): Reward {
  return {
    id: r.id, kind: r.kind, name: r.name, pointsPrice: r.points_price, stock: r.stock, perMemberLimit: r.per_member_limit, startsOn: r.starts_on, endsOn: r.ends_on,
    productId: r.product_id, promotionId: r.promotion_id, voucherValidDays: r.voucher_valid_days, status: r.status, redeemed: r.redeemed,
  };
}
