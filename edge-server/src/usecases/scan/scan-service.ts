import type { EnrollRequest, IdentifyResult, KioskSession } from '@vitrina/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { randomUUID } from 'node:crypto';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { ScanMetrics } from '../../platform/metrics/index.js';
import { KeyedLimiter } from '../../platform/throttle/index.js';
import type { DeviceIdentity, DevicePush } from '../../platform/realtime/realtime.js';
import { storeDate } from '../../shared/store-time.js';
import type { EventInput, EventLog } from '../../domains/analytics/index.js';
import type { CardsService } from '../../domains/cards/index.js';
import { birthDateOf, type CustomersService } from '../../domains/customers/index.js';
import type { ReferralsService } from '../../domains/referrals/index.js';
import type { LoyaltyReader } from '../../domains/loyalty/index.js';
import type { OffersService, RankedProduct } from '../../domains/offers/index.js';
import type { CampaignsService } from '../../domains/promotions/index.js';
import type { Recommender } from '../../domains/recommend/index.js';
import { KioskSessions } from './kiosk-sessions.js';

type Source = 'keypad' | 'wedge' | 'scanner';

/** Lookups a kiosk may make at once before the per-second rate applies. */
const SCAN_BURST = 20;
type Kiosk = Pick<DeviceIdentity, 'id' | 'zone_id'>;

export interface ScanDeps {
  cards: CardsService;
  customers: Pick<CustomersService, 'get'>;
  loyalty: LoyaltyReader;
  offers: OffersService;
  campaigns: Pick<CampaignsService, 'filterForSession' | 'clipped'>;
  recommend: Pick<Recommender, 'rank' | 'modelVersion'>;
  /** Whether the shopper has bought anything yet (purchases): without history the kiosk shows what is popular in the store. */
  history: { hasPurchases(customerId: string): Promise<boolean> };
  /** Reads the shopper's rows into the read cache as one statement (shopper-prefetch.ts). */
  prefetch(customerId: string): Promise<void>;
  eventLog: EventLog;
  /** A friend's referral code claimed inside the enrollment's transaction. */
  referrals: Pick<ReferralsService, 'claimIn'>;
  push: DevicePush;
  metrics: ScanMetrics;
  timeZone: string;
  takeoverMs: number;
  /** Card lookups per kiosk per second, after a burst (SCAN_RATE_PER_KIOSK). */
  scanRatePerKiosk: number;
  log: { error(obj: unknown, msg: string): void };
}

/**
 * The path of one scan: recognize the card → loyalty summary → rank → choose offers →
 * kiosk session to that kiosk, privacy-safe takeover to its zone's screens → events.
 */
export class ScanService {
  readonly sessions = new KioskSessions();
  private readonly lookups: KeyedLimiter;

  constructor(private readonly d: ScanDeps) {
    this.lookups = new KeyedLimiter({ burst: SCAN_BURST, perSecond: d.scanRatePerKiosk });
  }

  async identify(kiosk: Kiosk, code: unknown, source: Source): Promise<IdentifyResult> {
    // Every lookup answers whether a card exists (and greets its owner): throttled per kiosk
    // so that a script at a kiosk cannot walk the card-number space.
    if (!this.lookups.take(kiosk.id)) throw new VitrinaError('VITRINA_ERR_RATE_LIMITED', `Too many card lookups at this kiosk; try again in ${this.lookups.retryAfterS(kiosk.id)} s.`);
    const started = performance.now();
    const result = await this.recognizeAndStart(kiosk, code, source);
    this.d.metrics.scanMs.record(performance.now() - started);
    return result;
  }

  private async recognizeAndStart(kiosk: Kiosk, code: unknown, source: Source): Promise<IdentifyResult> {
    // The shopper's rows are read as soon as the card names them, with their customer row.
    const recognition = await this.d.cards.recognize(code, source, { onFound: (customerId) => this.prefetch(customerId) });
    if (recognition.status === 'unknown') {
      void this.record([{ type: 'scan', deviceId: kiosk.id, payload: { source, known: false } }]);
      return { status: 'unknown', unknown: { kioskId: kiosk.id, cardLast4: recognition.last4, enrollToken: recognition.enrollToken } };
    }
    return { status: 'known', session: await this.startSession(kiosk, recognition.customerId, recognition.last4, source) };
  }

  /** A scan from the kiosk's hardware scanner: the result is pushed (the session as soon as it is built), there is no ack. */
  async identifyFromScanner(kiosk: Kiosk, code: string) {
    try {
      const result = await this.identify(kiosk, code, 'scanner');
      if (result.status === 'unknown') this.d.push.toKiosk(kiosk.id, 'kiosk:unknown-card', result.unknown);
    } catch (err) {
      const info = err instanceof VitrinaError ? err.toInfo() : { code: 'VITRINA_ERR_INTERNAL' as const, message: 'The scan failed.' };
      if (!(err instanceof VitrinaError)) this.d.log.error({ err }, 'scanner identify failed');
      this.d.push.toKiosk(kiosk.id, 'kiosk:scan-error', info);
    }
  }

  /**
   * Joins the program; a shopper who came with a phone number gets a virtual card, returned once
   * in `virtualCard`. A birthday (31 February refused), an e-mail and a friend's referral code are
   * optional; the claim of that code commits with the enrollment or the whole enrollment is refused.
   */
  async enroll(kiosk: Kiosk, req: Omit<EnrollRequest, 'enrollToken'> & { enrollToken: string }): Promise<IdentifyResult> {
    const birthDate = req.birthday ? birthDateOf(req.birthday, storeDate(this.d.timeZone)) : undefined;
    const referralCode = req.referralCode;
    const { customerId, last4, virtualCard } = await this.d.cards.enroll(req.enrollToken, req.firstName, req.consents, {
      ...(req.phone === undefined ? {} : { phone: req.phone }),
      ...(req.email === undefined ? {} : { email: req.email }),
      ...(birthDate === undefined ? {} : { birthDate }),
      ...(referralCode === undefined ? {} : { alsoIn: (tx: Queryable, id: string) => this.d.referrals.claimIn(tx, referralCode, id) }),
    });
    void this.record([{ type: 'enrolled', deviceId: kiosk.id, customerId, payload: { referred: referralCode !== undefined } }]);
    const session = await this.startSession(kiosk, customerId, last4, 'keypad');
    return virtualCard ? { status: 'known', session, virtualCard } : { status: 'known', session };
  }

  async clip(kioskId: string, sessionId: string, offerId: string) {
    const s = this.sessions.get(sessionId, kioskId);
    if (!s) throw new VitrinaError('VITRINA_ERR_SESSION_UNKNOWN');
    const { campaignId } = await this.d.offers.clip(s.customerId, offerId, s.shownOfferIds);
    await this.d.campaigns.clipped(s.customerId, offerId, campaignId);
    void this.record([{ type: 'offer_clipped', deviceId: kioskId, customerId: s.customerId, sessionId, payload: { offerId } }]);
    return { offerId, clipped: true as const };
  }

  end(kioskId: string, sessionId: string) {
    const s = this.sessions.get(sessionId, kioskId);
    if (!s) throw new VitrinaError('VITRINA_ERR_SESSION_UNKNOWN');
    this.sessions.end(sessionId);
    return { ended: true as const };
  }

  /**
   * The shopper's rows (card, customer, ledger, spends, baskets, clips, segments) and the
   * program's come from the database's read cache (platform/db/read-cache.ts) after the first
   * scan: each is read once however many domains ask, and again only after a write to it. On the
   * first scan the shopper's rows are read as one statement (shopper-prefetch.ts).
   */
  private async startSession(kiosk: Kiosk, customerId: string, last4: string, source: Source): Promise<KioskSession> {
    const { d } = this;
    const today = storeDate(d.timeZone);
    this.prefetch(customerId); // already in flight or done after a card scan; after an enrollment, now
    const [customer, summary, offerProducts, hasHistory] = await Promise.all([
      d.customers.get(customerId),
      d.loyalty.summaryOf(customerId),
      d.offers.offerProductIds(today),
      d.history.hasPurchases(customerId),
    ]);
    // Without profiling consent the ranking ignores the shopper's history (non-personal offers);
    // without any history there is nothing to pick from: both see what is popular in this store.
    const personalized = customer.consents.profiling;
    const picked = personalized && hasHistory;
    const rankStarted = performance.now();
    const ranked = await d.recommend.rank(customerId, { limit: 50, personalized: picked, candidates: offerProducts });
    d.metrics.rankMs.record(performance.now() - rankStarted);
    const chosen = await this.chooseOffers(customerId, ranked, today);
    const active = this.sessions.open(kiosk.id, customerId, chosen.kiosk.map((o) => o.offerId));
    const session: KioskSession = {
      sessionId: active.sessionId,
      kioskId: kiosk.id,
      greetingName: personalized && customer.firstName ? customer.firstName : null,
      cardLast4: last4,
      pointsBalance: summary.pointsBalance,
      pointsExpiring: summary.pointsExpiring,
      tier: summary.tier,
      personalized,
      offers: chosen.kiosk,
      offersBasis: picked ? 'picked' : 'popular',
      scoredBy: picked ? (d.recommend.modelVersion() ?? 'fallback') : 'non-personal',
    };
    // Answer first: the kiosk (pushed for hardware scans; keypad and wedge get the ack) and the
    // zone's screens. The lifecycle and event writes follow.
    if (source === 'scanner') d.push.toKiosk(kiosk.id, 'kiosk:session', session);
    if (chosen.signage.length > 0) {
      d.push.takeover(kiosk.zone_id, { takeoverId: `tko_${randomUUID()}`, zoneId: kiosk.zone_id, offers: chosen.signage, durationMs: d.takeoverMs });
    }
    await chosen.recorded.catch((err) => d.log.error({ err }, 'offer lifecycle write failed'));
    void this.record([
      { type: 'scan', deviceId: kiosk.id, customerId, sessionId: active.sessionId, payload: { source, known: true } },
      ...chosen.kiosk.map((o) => ({ type: 'offer_shown', deviceId: kiosk.id, customerId, sessionId: active.sessionId, payload: { offerId: o.offerId, surface: 'kiosk' } })),
      ...chosen.signage.map((o) => ({ type: 'offer_shown', deviceId: kiosk.id, sessionId: active.sessionId, payload: { offerId: o.offerId, surface: 'signage', zoneId: kiosk.zone_id } })),
    ]);
    return session;
  }

  /**
   * The offers a shopper sees for a ranking: live offers in ranked order, of which campaign
   * offers reach only the campaign's treatment arm (control is recorded and shown nothing).
   */
  chooseOffers(customerId: string, ranked: RankedProduct[], today: string) {
    return this.d.offers.selectForSession(customerId, ranked, today, (offers) => this.d.campaigns.filterForSession(customerId, offers, today));
  }

  /**
   * The shopper's rows into the read cache as one statement; the reads of the scan share it (and
   * skip what is cached). Should it fail, they fail with it and report it: nothing more to say here.
   */
  private prefetch(customerId: string) {
    this.d.prefetch(customerId).catch(() => undefined);
  }

  /** Events are written after the shopper has been answered; a failed write is logged, never fatal. */
  private record(events: EventInput[]) {
    return this.d.eventLog.append(events).catch((err) => this.d.log.error({ err }, 'event write failed'));
  }
}
