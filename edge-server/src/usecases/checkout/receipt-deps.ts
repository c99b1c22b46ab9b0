import type { Catalog } from '../../domains/catalog/index.js';
import type { GiftCardsService } from '../../domains/gift-cards/index.js';
import type { LoyaltyService } from '../../domains/loyalty/index.js';
import type { CampaignsService, CodesService, PromotionsService } from '../../domains/promotions/index.js';
import type { PurchasesService } from '../../domains/purchases/index.js';
import type { ReferralsService } from '../../domains/referrals/index.js';

/** The domains a receipt touches, each through its public interface. */
export interface ReceiptDeps {
  purchases: PurchasesService;
  catalog: Catalog;
  loyalty: LoyaltyService;
  promotions: PromotionsService;
  codes: CodesService;
  /** Birthday grants, before a carded sale is priced. */
  campaigns: Pick<CampaignsService, 'grantBirthdayIn'>;
  /** Referral rewards on a referee's first purchase (inside the receipt's transaction). */
  referrals: Pick<ReferralsService, 'rewardFirstPurchase'>;
  /** Gift cards as tender: taken in the sale's transaction, given back pro rata by returns. */
  giftCards: Pick<GiftCardsService, 'redeemIn' | 'refundIn' | 'paidByReceipt'>;
  storeId: string;
  timeZone: string;
}
