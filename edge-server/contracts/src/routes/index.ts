import { analyticsRoutes } from './analytics.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { campaignRoutes } from './campaigns.js';
import { catalogRoutes } from './catalog.js';
import { contentRoutes } from './content.js';
import { customerRoutes } from './customers.js';
import type { RouteSpec } from './define-route.js';
import { devRoutes } from './dev.js';
import { deviceRoutes } from './devices.js';
import { giftCardRoutes, referralRoutes } from './gift-cards.js';
import { headOfficeRoutes } from './headoffice.js';
import { fleetRoutes } from './fleet.js';
import { liveSegmentRoutes } from './live-segments.js';
import { loyaltyRoutes } from './loyalty.js';
import { mediaRoutes } from './media.js';
import { proofOfPlayRoutes } from './proof-of-play.js';
import { codeRoutes, promotionRoutes, segmentRoutes } from './promotions.js';
import { importRoutes, receiptRoutes } from './receipts.js';
import { recommendationRoutes } from './recommendations.js';
import { reportRoutes } from './reports.js';
import { rewardRoutes } from './rewards.js';
import { signageRoutes } from './signage.js';
import { staffRoutes } from './staff.js';
import { surveyRoutes } from './surveys.js';
import { systemRoutes } from './system.js';

export { RankerChoice, MethodMetrics, ModelDecision, RecommendationsState } from './recommendations.js';
export { defineRoute, type Body, type HttpMethod, type Params, type Query, type Reply, type RequestParts, type RouteSpec } from './define-route.js';

/**
 * The type of ROUTES, written out by reference: inferred, its declaration would be too long
 * for the compiler to emit (TS7056) now that every area has many routes.
 */
export interface RouteAreas {
  readonly system: typeof systemRoutes;
  readonly auth: typeof authRoutes;
  readonly devices: typeof deviceRoutes;
  readonly content: typeof contentRoutes;
  readonly signage: typeof signageRoutes;
  readonly customers: typeof customerRoutes;
  readonly loyalty: typeof loyaltyRoutes;
  readonly campaigns: typeof campaignRoutes;
  readonly promotions: typeof promotionRoutes;
  readonly codes: typeof codeRoutes;
  readonly segments: typeof segmentRoutes;
  readonly giftCards: typeof giftCardRoutes;
  readonly referrals: typeof referralRoutes;
  readonly receipts: typeof receiptRoutes;
  readonly imports: typeof importRoutes;
  readonly catalog: typeof catalogRoutes;
  readonly analytics: typeof analyticsRoutes;
  readonly dev: typeof devRoutes;
  readonly staff: typeof staffRoutes;
  readonly audit: typeof auditRoutes;
  readonly recommendations: typeof recommendationRoutes;
  readonly surveys: typeof surveyRoutes;
  readonly headOffice: typeof headOfficeRoutes;
  readonly reports: typeof reportRoutes;
  readonly liveSegments: typeof liveSegmentRoutes;
  readonly rewards: typeof rewardRoutes;
  readonly media: typeof mediaRoutes;
  readonly proofOfPlay: typeof proofOfPlayRoutes;
  readonly fleet: typeof fleetRoutes;
}

/**
 * Every REST route of the edge server, by area: `ROUTES.customers.get` and so on. The server
 * registers each from here (edge-server/src/platform/http/serve-route.ts) and the console calls
 * each from here, so a path, a method or a schema is written once.
 */
export const ROUTES: RouteAreas = {
  system: systemRoutes,
  auth: authRoutes,
  devices: deviceRoutes,
  content: contentRoutes,
  signage: signageRoutes,
  customers: customerRoutes,
  loyalty: loyaltyRoutes,
  campaigns: campaignRoutes,
  promotions: promotionRoutes,
  codes: codeRoutes,
  segments: segmentRoutes,
  giftCards: giftCardRoutes,
  referrals: referralRoutes,
  receipts: receiptRoutes,
  imports: importRoutes,
  catalog: catalogRoutes,
  analytics: analyticsRoutes,
  dev: devRoutes,
  staff: staffRoutes,
  audit: auditRoutes,
  recommendations: recommendationRoutes,
  surveys: surveyRoutes,
  headOffice: headOfficeRoutes,
  reports: reportRoutes,
  liveSegments: liveSegmentRoutes,
  rewards: rewardRoutes,
  media: mediaRoutes,
  proofOfPlay: proofOfPlayRoutes,
  fleet: fleetRoutes,
};

/** The map flattened, for checks over every route (unique paths, docs, server parity). */
export function listRoutes(): RouteSpec[] {
  return Object.values(ROUTES).flatMap((area): RouteSpec[] => Object.values(area));
}
