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
import { fleetRoutes } from './fleet.js';
import { loyaltyRoutes } from './loyalty.js';
import { mediaRoutes } from './media.js';
import { proofOfPlayRoutes } from './proof-of-play.js';
import { codeRoutes, promotionRoutes, segmentRoutes } from './promotions.js';
import { importRoutes, receiptRoutes } from './receipts.js';
import { recommendationRoutes } from './recommendations.js';
import { signageRoutes } from './signage.js';
import { staffRoutes } from './staff.js';
import { surveyRoutes } from './surveys.js';
import { systemRoutes } from './system.js';

export { RankerChoice, MethodMetrics, ModelDecision, RecommendationsState } from './recommendations.js';
export { defineRoute, type Body, type HttpMethod, type Params, type Query, type Reply, type RequestParts, type RouteSpec } from './define-route.js';

/**
 * Every REST route of the edge server, by area: `ROUTES.customers.get` and so on. The server
 * registers each from here (edge-server/src/platform/http/serve-route.ts) and the console calls
 * each from here, so a path, a method or a schema is written once.
 */
export const ROUTES = {
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
  media: mediaRoutes,
  proofOfPlay: proofOfPlayRoutes,
  fleet: fleetRoutes,
} as const;

/** The map flattened, for checks over every route (unique paths, docs, server parity). */
export function listRoutes(): RouteSpec[] {
  return Object.values(ROUTES).flatMap((area): RouteSpec[] => Object.values(area));
}
