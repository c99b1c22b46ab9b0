import type { FastifyInstance } from 'fastify';
import type { IdentifyResult, KioskSession } from '@vitrina/contracts';
import { randomUUID } from 'node:crypto';
import { storeDate } from '../../shared/store-time.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { DeviceRow } from '../../domains/devices/repository.js';
import { KioskSessions } from './kiosk-sessions.js';

type Source = 'keypad' | 'wedge' | 'scanner';

/**
 * The path of one scan: recognize the card → loyalty summary → rank → choose offers →
 * kiosk session to that kiosk, privacy-safe takeover to its zone's screens → events.
 */
export class SessionsService {
  readonly sessions = new KioskSessions();

  constructor(private readonly app: FastifyInstance) {}

  async identify(kiosk: Pick<DeviceRow, 'id' | 'zone_id'>, code: unknown, source: Source): Promise<IdentifyResult> {
    const started = performance.now();
    const result = await this.recognizeAndStart(kiosk, code, source);
    this.app.metrics.scanMs.record(performance.now() - started);
    return result;
  }

  private async recognizeAndStart(kiosk: Pick<DeviceRow, 'id' | 'zone_id'>, code: unknown, source: Source): Promise<IdentifyResult> {
    const recognition = await this.app.cards.recognize(code, source);
    if (recognition.status === 'unknown') {
      void this.record([{ type: 'scan', deviceId: kiosk.id, payload: { source, known: false } }]);
      return { status: 'unknown', unknown: { kioskId: kiosk.id, cardLast4: recognition.last4, enrollToken: recognition.enrollToken } };
    }
    return { status: 'known', session: await this.startSession(kiosk, recognition.customerId, recognition.last4, source) };
  }

  /** A scan from the kiosk's hardware scanner: the result is pushed (the session as soon as it is built), there is no ack. */
  async identifyFromScanner(kiosk: Pick<DeviceRow, 'id' | 'zone_id'>, code: string) {
    try {
      const result = await this.identify(kiosk, code, 'scanner');
      if (result.status === 'unknown') this.app.realtime.toKiosk(kiosk.id, 'kiosk:unknown-card', result.unknown);
    } catch (err) {
      const info = err instanceof VitrinaError ? err.toInfo() : { code: 'VITRINA_ERR_INTERNAL' as const, message: 'The scan failed.' };
      if (!(err instanceof VitrinaError)) this.app.log.error({ err }, 'scanner identify failed');
      this.app.realtime.toKiosk(kiosk.id, 'kiosk:scan-error', info);
    }
  }

  async enroll(kiosk: Pick<DeviceRow, 'id' | 'zone_id'>, token: string, firstName: string, consents: { program: boolean; marketing: boolean; profiling: boolean }): Promise<IdentifyResult> {
    const { customerId, last4 } = await this.app.cards.enroll(token, firstName, consents);
    void this.record([{ type: 'enrolled', deviceId: kiosk.id, customerId }]);
    return { status: 'known', session: await this.startSession(kiosk, customerId, last4, 'keypad') };
  }

  async clip(kioskId: string, sessionId: string, offerId: string) {
    const s = this.sessions.get(sessionId, kioskId);
    if (!s) throw new VitrinaError('VITRINA_ERR_SESSION_UNKNOWN');
    await this.app.offers.clip(s.customerId, offerId, s.shownOfferIds);
    void this.record([{ type: 'offer_clipped', deviceId: kioskId, customerId: s.customerId, sessionId, payload: { offerId } }]);
    return { offerId, clipped: true as const };
  }

  end(kioskId: string, sessionId: string) {
    const s = this.sessions.get(sessionId, kioskId);
    if (!s) throw new VitrinaError('VITRINA_ERR_SESSION_UNKNOWN');
    this.sessions.end(sessionId);
    return { ended: true as const };
  }

  private async startSession(kiosk: Pick<DeviceRow, 'id' | 'zone_id'>, customerId: string, last4: string, source: Source): Promise<KioskSession> {
    const { app } = this;
    const today = storeDate(app.config.STORE_TIME_ZONE);
    const [customer, summary, offerProducts] = await Promise.all([
      app.customers.get(customerId),
      app.loyalty.summaryOf(customerId),
      app.offers.offerProductIds(today),
    ]);
    // Without profiling consent the ranking ignores the shopper's history (non-personal offers).
    const personalized = customer.consents.profiling;
    const rankStarted = performance.now();
    const ranked = await app.recommend.rank(customerId, { limit: 50, personalized, candidates: offerProducts });
    app.metrics.rankMs.record(performance.now() - rankStarted);
    const chosen = await app.offers.selectForSession(customerId, ranked, today);
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
      scoredBy: personalized ? (app.recommend.health().version ?? 'fallback') : 'non-personal',
    };
    // Answer first: the kiosk (pushed for hardware scans; keypad and wedge get the ack) and the
    // zone's screens. The lifecycle and event writes follow.
    if (source === 'scanner') app.realtime.toKiosk(kiosk.id, 'kiosk:session', session);
    if (chosen.signage.length > 0) {
      app.realtime.takeover(kiosk.zone_id, { takeoverId: `tko_${randomUUID()}`, zoneId: kiosk.zone_id, offers: chosen.signage, durationMs: app.config.TAKEOVER_MS });
    }
    await chosen.recorded.catch((err) => app.log.error({ err }, 'offer lifecycle write failed'));
    void this.record([
      { type: 'scan', deviceId: kiosk.id, customerId, sessionId: active.sessionId, payload: { source, known: true } },
      ...chosen.kiosk.map((o) => ({ type: 'offer_shown', deviceId: kiosk.id, customerId, sessionId: active.sessionId, payload: { offerId: o.offerId, surface: 'kiosk' } })),
      ...chosen.signage.map((o) => ({ type: 'offer_shown', deviceId: kiosk.id, sessionId: active.sessionId, payload: { offerId: o.offerId, surface: 'signage', zoneId: kiosk.zone_id } })),
    ]);
    return session;
  }

  /** Events are written after the shopper has been answered; a failed write is logged, never fatal. */
  private record(events: Parameters<FastifyInstance['events']['append']>[0]) {
    return this.app.events.append(events).catch((err) => this.app.log.error({ err }, 'event write failed'));
  }
}
