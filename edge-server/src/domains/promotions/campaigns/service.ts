import { CAMPAIGN_STATUSES, type Campaign, type CampaignOfferCreated, type CreateCampaignOfferRequest, type CreateCampaignRequest, type SweepRequest } from '@vitrina/contracts';
import type { Database, Queryable } from '../../../platform/db/database.js';
import { newId, nowIso } from '../../../shared/ids.js';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import { isLocalDate, isLocalDateNear } from '../../../shared/calendar.js';
import type { PromotionsService } from '../service.js';
import { birthdayWindow } from './birthday.js';
import { armFor, assignedArm } from './holdout.js';
import type { CampaignRow, CampaignsRepository } from './repository.js';
import type { EventBus } from '../../../platform/events/bus.js';
import type { DomainEvents } from '../../../shared/domain-events.js';
import type { Catalog } from '../../catalog/index.js';
import type { LiveOffer, NewOffer, OfferVerdict, OffersService, SessionOfferChoice } from '../../offers/index.js';

/** Where an offer on a restricted product appears (domains/offers/policy.ts). */
const RESTRICTED_WARNING = 'Its offer is never shown on signage, and on kiosks only where the store allows restricted products (KIOSK_SHOWS_RESTRICTED).';

/** `source_ref` prefix of an offer the chain's down-flow made; head office's offer id follows. */
const CHAIN_OFFER = 'chain:';

/** An offer row of a campaign: the campaign's window, the request's discount and rules. */
function offerOf(id: string, c: Pick<CampaignRow, 'id' | 'starts_on' | 'ends_on'>, req: CreateCampaignOfferRequest): NewOffer {
  const rules = {
    ...(req.segment !== undefined ? { segment: req.segment } : {}), ...(req.tierIds !== undefined ? { tierIds: [...new Set(req.tierIds)] } : {}),
    ...(req.maxUses !== undefined ? { maxUses: req.maxUses } : {}), ...(req.budgetMinor !== undefined ? { budgetMinor: req.budgetMinor } : {}),
  };
  return { id, productId: req.productId, title: req.title, kind: req.discountKind, value: req.discountValue, startsOn: c.starts_on, endsOn: c.ends_on, campaignId: c.id, rules };
}

function toCampaign(r: CampaignRow): Campaign {
  return { id: r.id, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on, holdoutPct: r.holdout_pct, priority: r.priority, status: r.status };
}

/**
 * Campaigns with a holdout, and the lifecycle of the personal offers they issue.
 * The scan path asks `filterForSession` which ranked offers this shopper may see: offers of a
 * live campaign go only to its treatment arm; both arms are recorded (assignment on first
 * exposure), so control customers are measured exactly like treated ones.
 */
export class CampaignsService {
  constructor(
    private readonly db: Database,
    private readonly repo: CampaignsRepository,
    private readonly promotions: PromotionsService,
    private readonly deps: {
      catalog: Pick<Catalog, 'products' | 'isRestricted'>;
      offers: Pick<OffersService, 'createIn' | 'endedBefore' | 'ofCampaignIn' | 'updateIn' | 'endIn'>;
      events: EventBus<DomainEvents>;
      /** Birthday settings (loyalty program) and birth dates (customers). */
      birthdays: { settings(q: Queryable): Promise<{ birthdayPromotionId: string | null; birthdayWindowDays: number }>; birthDateOf(q: Queryable, customerId: string): Promise<string | null> };
    },
  ) {}

  async create(req: CreateCampaignRequest): Promise<Campaign> {
    if (!isLocalDate(req.startsOn) || !isLocalDate(req.endsOn) || req.startsOn > req.endsOn) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'The period must be valid days with start ≤ end.');
    const row: CampaignRow = { id: req.id ?? newId('cmp'), name: req.name, starts_on: req.startsOn, ends_on: req.endsOn, holdout_pct: req.holdoutPct, priority: req.priority ?? 0, status: 'live', created_at: nowIso() };
    await this.db.transaction(async (tx) => {
      if (await this.repo.byId(tx, row.id)) throw new VitrinaError('VITRINA_ERR_CONFLICT', `Campaign "${row.id}" exists.`);
      await this.repo.insert(tx, row);
    });
    return toCampaign(row);
  }

  async list() {
    return (await this.repo.list(this.db)).map(toCampaign);
  }

  async get(id: string) {
    const row = await this.repo.byId(this.db, id);
    if (!row) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No campaign "${id}".`);
    return toCampaign(row);
  }

  async setStatus(id: string, status: CampaignRow['status']) {
    if (!(await this.db.transaction((tx) => this.repo.setStatus(tx, id, status)))) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No campaign "${id}".`);
    // Its offers appear on or leave the kiosks and screens with the next scan.
    this.deps.events.publish('offers:changed', {});
    return this.get(id);
  }

  /**
   * Adds an offer on one product for the campaign's period. An offer on a restricted product
   * (alcohol, tobacco…: the catalogue decides) is refused unless the request says `kioskOnly`,
   * and the answer then carries a warning: such offers never reach signage, and reach kiosks
   * only where the store allows restricted products.
   */
  async addOffer(campaignId: string, req: CreateCampaignOfferRequest): Promise<CampaignOfferCreated> {
    const id = newId('off');
    const restricted = await this.db.transaction(async (tx) => {
      const c = await this.repo.byId(tx, campaignId);
      if (!c) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No campaign "${campaignId}".`);
      const isRestricted = await this.checkOffer(tx, req);
      await this.deps.offers.createIn(tx, offerOf(id, c, req));
      return isRestricted;
    });
    this.deps.events.publish('offers:changed', {});
    return restricted ? { offerId: id, campaignId, restricted, warning: `Restricted product: kiosk-only offer. ${RESTRICTED_WARNING}` } : { offerId: id, campaignId, restricted };
  }

  /**
   * A chain campaign as head office last published it (usecases/chain-sync), applied whole in
   * one transaction: created the first time; afterwards its name, window, holdout share, priority
   * and status are rewritten, its offers (matched by head office's offer id, kept in
   * `source_ref` as `chain:<id>`) are added, rewritten in place (clips and lifecycle stay) or
   * ended, and every offer follows the campaign's window. Applying the same state twice changes
   * nothing. A store's own campaign with the same id is never touched (VITRINA_ERR_CONFLICT).
   * Shoppers already assigned keep their arm (`assignedArm`).
   */
  async upsertFromChain(campaign: Campaign, offers: ReadonlyArray<CreateCampaignOfferRequest & { offerId: string }>): Promise<'created' | 'updated'> {
    if (!isLocalDate(campaign.startsOn) || !isLocalDate(campaign.endsOn) || campaign.startsOn > campaign.endsOn) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'The period must be valid days with start ≤ end.');
    if (!(CAMPAIGN_STATUSES as readonly string[]).includes(campaign.status)) throw new VitrinaError('VITRINA_ERR_VALIDATION', `Unknown campaign status "${campaign.status}".`);
    const outcome = await this.db.transaction(async (tx) => {
      const existing = await this.repo.byId(tx, campaign.id);
      if (existing && existing.origin !== 'chain') throw new VitrinaError('VITRINA_ERR_CONFLICT', `Campaign "${campaign.id}" is the store's own; head office does not change it.`);
      const row: CampaignRow = {
        id: campaign.id, name: campaign.name, starts_on: campaign.startsOn, ends_on: campaign.endsOn, holdout_pct: campaign.holdoutPct,
        priority: campaign.priority ?? 0, status: campaign.status as CampaignRow['status'], created_at: existing?.created_at ?? nowIso(), origin: 'chain',
      };
      if (existing) await this.repo.update(tx, row);
      else await this.repo.insert(tx, row);
      const mine = new Map((await this.deps.offers.ofCampaignIn(tx, campaign.id)).filter((o) => o.source_ref?.startsWith(CHAIN_OFFER)).map((o) => [o.source_ref!.slice(CHAIN_OFFER.length), o]));
      for (const { offerId, ...req } of offers) {
        await this.checkOffer(tx, req);
        const held = mine.get(offerId);
        if (held) await this.deps.offers.updateIn(tx, offerOf(held.id, row, req));
        else await this.deps.offers.createIn(tx, { ...offerOf(newId('off'), row, req), sourceRef: `${CHAIN_OFFER}${offerId}` });
        mine.delete(offerId);
      }
      // Offers head office dropped from the campaign: ended, kept for their clips and lifecycle.
      for (const gone of mine.values()) if (gone.status !== 'ended') await this.deps.offers.endIn(tx, gone.id);
      return existing ? 'updated' as const : 'created' as const;
    });
    this.deps.events.publish('offers:changed', {});
    return outcome;
  }

  /**
   * What an offer must be: a percent at most 100, a known product, and for a restricted product
   * (alcohol, tobacco…: the catalogue decides) `kioskOnly`. Answers whether it is restricted.
   */
  private async checkOffer(tx: Queryable, req: CreateCampaignOfferRequest): Promise<boolean> {
    if (req.discountKind === 'percent' && req.discountValue > 100) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'A percent discount is at most 100.');
    const product = (await this.deps.catalog.products(tx, [req.productId])).get(req.productId);
    if (!product) throw new VitrinaError('VITRINA_ERR_PRODUCT_UNKNOWN');
    const isRestricted = this.deps.catalog.isRestricted(product);
    if (isRestricted && req.kioskOnly !== true) {
      throw new VitrinaError(
        'VITRINA_ERR_OFFER_NOT_ELIGIBLE',
        `Product "${req.productId}" (${product.department} / ${product.category}) is restricted (alcohol, tobacco…). ${RESTRICTED_WARNING} To add the offer anyway, send kioskOnly: true.`,
        [{ path: '/kioskOnly', message: 'Must be true for an offer on a restricted product.' }],
      );
    }
    return isRestricted;
  }

  /**
   * Of the live offers a shopper could be shown, keeps those they may have: a live campaign's
   * offers reach only its treatment arm, and every offer must pass the till's own eligibility
   * rule (segment, tier, caps, budget: `PromotionsService.offersFor`), priced as the till would.
   * Each kept offer carries its campaign's priority (0 outside a campaign). `record(shown)`
   * writes the assignment of every campaign met (both arms, so control is measured like
   * treatment) and the shown state of the offers finally shown; the caller awaits it after
   * answering the shopper.
   */
  async filterForSession(customerId: string, offers: readonly LiveOffer[], today: string): Promise<SessionOfferChoice> {
    const campaigns = await this.promotions.campaignsById(this.db);
    // Stored arms first: a holdout share changed after the shopper's assignment does not move them.
    const assigned = offers.some((o) => o.campaign_id) ? await this.promotions.assignedArms(this.db, customerId) : new Map<string, 'treatment' | 'control'>();
    const campaignOf = new Map<string, string>();
    const inArm: LiveOffer[] = [];
    const assignments = new Map<string, 'treatment' | 'control'>();
    for (const o of offers) {
      const campaignId = o.campaign_id;
      if (!campaignId) { inArm.push(o); continue; }
      campaignOf.set(o.id, campaignId);
      const c = campaigns.get(campaignId);
      if (!c || c.status !== 'live' || today < c.starts_on || today > c.ends_on) continue;
      const arm = assignedArm(assigned, campaignId, customerId, c.holdout_pct);
      assignments.set(campaignId, arm);
      if (arm === 'treatment') inArm.push(o);
    }
    const priced = await this.promotions.offersFor(customerId, today, inArm);
    const allowed = new Map<string, OfferVerdict>();
    for (const o of inArm) {
      const price = priced.get(o.id);
      if (price) allowed.set(o.id, { ...price, priority: o.campaign_id ? campaigns.get(o.campaign_id)?.priority ?? 0 : 0 });
    }
    // Arms come from a stable hash, so writing the assignment a moment later changes nothing about it.
    // What an earlier scan of this shopper already wrote is not written again (it would change nothing).
    const record = async (shown: readonly string[]) => {
      const known = this.repo.recorded(this.db, customerId);
      const arms = [...assignments].filter(([campaignId]) => !known.has(`assigned:${campaignId}`));
      const offers = shown.filter((offerId) => !known.has(`shown:${offerId}`)).map((offerId) => ({ offerId, campaignId: campaignOf.get(offerId) ?? null }));
      if (arms.length === 0 && offers.length === 0) return;
      await this.db.transaction(async (tx) => {
        const at = nowIso();
        await this.repo.assignMany(tx, customerId, arms, at);
        await this.repo.markShownMany(tx, customerId, offers, at);
        this.repo.noteRecorded(tx, customerId, [...arms.map(([c]) => `assigned:${c}`), ...offers.map((o) => `shown:${o.offerId}`)]);
      });
    };
    // Campaign offers are personal: issued to this shopper's arm, tracked per shopper.
    return { allowed, personal: new Set([...allowed.keys()].filter((id) => campaignOf.has(id))), record };
  }

  /** Assigns customers to arms up front (intent to treat), without waiting for their first scan. */
  async assignAll(campaignId: string, customerIds: readonly string[]) {
    const c = await this.repo.byId(this.db, campaignId);
    if (!c) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No campaign "${campaignId}".`);
    const at = nowIso();
    try {
      await this.db.transaction(async (tx) => {
        for (const id of customerIds) await this.repo.assign(tx, campaignId, id, armFor(campaignId, id, c.holdout_pct), at);
      });
    } catch (err) {
      // One unknown customer id refuses the whole list (the transaction rolled back).
      if (String(err).includes('FOREIGN KEY')) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN', 'The list has an unknown customer id.');
      throw err;
    }
    return { campaignId, assigned: customerIds.length };
  }

  /** The shopper clipped an offer (of this campaign, or of none): its lifecycle moves to `clipped`. */
  async clipped(customerId: string, offerId: string, campaignId: string | null) {
    await this.db.transaction((tx) => this.repo.markClipped(tx, offerId, customerId, campaignId, nowIso()));
  }

  /**
   * Offers that ended unredeemed (last day before `today`) move to `expired`, which cannot be
   * undone: `today` may not be after the store's today, `dryRun` counts with the same UPDATE in a
   * transaction that is rolled back (nothing written), and a run asked for over HTTP must
   * `confirm`. Housekeeping passes only its today and no `mode`, which is a confirmed run.
   */
  async expireOffers(today = this.promotions.today(), mode: Omit<SweepRequest, 'today'> = { confirm: true }) {
    const storeToday = this.promotions.today();
    const years = 5;
    if (!isLocalDateNear(today, storeToday, years)) throw new VitrinaError('VITRINA_ERR_VALIDATION', `today must be a real day within ${years} years of ${storeToday}.`);
    if (today > storeToday) throw new VitrinaError('VITRINA_ERR_VALIDATION', `today (${today}) is after the store's today (${storeToday}): offers cannot be expired ahead of time.`);
    const dryRun = mode.dryRun === true;
    if (!dryRun && mode.confirm !== true) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'Expiring offers cannot be undone: send dryRun: true to preview, or confirm: true to run.');
    const ended = await this.deps.offers.endedBefore(today);
    // A sweep: in the bulk lane, behind the tills and scans.
    if (!dryRun) return { today, dryRun, expired: await this.db.transaction((tx) => this.repo.expire(tx, ended, nowIso()), { priority: 'bulk' }) };
    const preview = Symbol('preview');
    let expired = 0;
    await this.db.transaction(async (tx) => {
      expired = await this.repo.expire(tx, ended, nowIso());
      throw preview;
    }, { priority: 'bulk' }).catch((err: unknown) => { if (err !== preview) throw err; });
    return { today, dryRun, expired };
  }

  async lifecycle(campaignId: string) {
    await this.get(campaignId);
    const rows = await this.repo.lifecycleCounts(this.db, campaignId);
    const by = Object.fromEntries(rows.map((r) => [r.state, r.n]));
    return { issued: by.issued ?? 0, shown: by.shown ?? 0, clipped: by.clipped ?? 0, redeemed: by.redeemed ?? 0, expired: by.expired ?? 0 };
  }

  /** Grants the birthday promotion when today is in the shopper's birthday window (idempotent per year). */
  async grantBirthdayIn(tx: Queryable, customerId: string, today: string) {
    const s = await this.deps.birthdays.settings(tx);
    if (!s.birthdayPromotionId) return false;
    const w = birthdayWindow(await this.deps.birthdays.birthDateOf(tx, customerId), today, s.birthdayWindowDays);
    if (!w) return false;
    return this.promotions.grantIn(tx, { promotionId: s.birthdayPromotionId, customerId, source: 'birthday', sourceKey: `birthday:${customerId}:${w.year}`, validFrom: w.from, validTo: w.to });
  }
}
