import type { Queryable } from '../db/database.js';
import type { LoyaltyService } from '../loyalty/service.js';
import type { CodesService } from '../offers/codes/service.js';
import type { PromotionsService } from '../offers/promotions/service.js';
import type { PurchasesRepository } from './repository.js';

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
