import type { Queryable } from '../../platform/db/database.js';
import type { LoyaltyService } from '../../domains/loyalty/service.js';
import type { CodesService } from '../../domains/promotions/codes/service.js';
import type { PromotionsService } from '../../domains/promotions/service.js';
import type { PurchasesRepository } from '../../domains/purchases/repository.js';

/** The services a receipt touches, each through its own domain's interface. */
export interface ReceiptDeps {
  repo: PurchasesRepository;
  loyalty: LoyaltyService;
  promotions: PromotionsService;
  codes: CodesService;
  storeId: string;
  timeZone: string;
  /** Before a carded sale is priced (birthday grants). */
  onSaleStart?: (tx: Queryable, customerId: string, day: string) => Promise<unknown>;
  /** Referral rewards on a referee's first purchase (inside the receipt's transaction). */
  onFirstSale?: (tx: Queryable, customerId: string, receiptId: string, at: string) => Promise<void>;
}
