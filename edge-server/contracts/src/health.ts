import { Type, type Static } from 'typebox';

export const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  version: Type.String(),
  uptimeS: Type.Number(),
  database: Type.Object({ ok: Type.Boolean(), migration: Type.Integer(), customers: Type.Integer() }),
  model: Type.Object({
    status: Type.Union([Type.Literal('loaded'), Type.Literal('baseline'), Type.Literal('fallback')]),
    version: Type.Union([Type.String(), Type.Null()]),
    featureVersion: Type.String(),
    reason: Type.Union([Type.String(), Type.Null()]),
    /** The store aggregates the ranking uses; lastError: the last refresh failed and the previous ones still serve. */
    aggregates: Type.Optional(Type.Object({
      builtAt: Type.String(), customers: Type.Integer(), items: Type.Integer(), baskets: Type.Integer(),
      refreshing: Type.Boolean(), builtInThread: Type.Integer(), lastRefreshMs: Type.Union([Type.Integer(), Type.Null()]), lastError: Type.Union([Type.String(), Type.Null()]),
      /** Refreshes failed in a row, and when the next retry runs (backoff). */
      failuresInRow: Type.Optional(Type.Integer()), nextRetryAt: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    })),
  }),
  scanner: Type.Object({
    status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable'), Type.Literal('disabled')]),
    reason: Type.Union([Type.String(), Type.Null()]),
    devices: Type.Array(Type.Object({ kioskId: Type.String(), path: Type.Union([Type.String(), Type.Null()]), connected: Type.Boolean(), layout: Type.String() })),
  }),
  devices: Type.Object({ kiosksConnected: Type.Integer(), screensConnected: Type.Integer() }),
});
export type Health = Static<typeof Health>;
