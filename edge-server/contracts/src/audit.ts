import { Type, type Static } from 'typebox';

/**
 * One staff write through the API: who, when, which route, on what, how it ended, and a short
 * summary. The summary never holds passwords, tokens, card numbers, phones or e-mail addresses.
 */
export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  userId: Type.String(),
  username: Type.String(),
  method: Type.String(),
  /** `area.name` in the route map (`staff.update`); `area` is the part before the dot. */
  routeId: Type.String(),
  area: Type.String(),
  /** The route's path template (`/api/v1/staff/:id`), never the raw URL. */
  path: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  status: Type.Integer(),
  /** `field: before → after` pairs or the fields sent; see domains/audit/summary.ts. */
  summary: Type.String(),
});
export type AuditEntry = Static<typeof AuditEntry>;

const filters = {
    userId: Type.Optional(Type.String({ maxLength: 64 })),
    /** A route area (`staff`) or a whole route id (`staff.update`). */
    area: Type.Optional(Type.String({ maxLength: 64, pattern: '^[A-Za-z0-9.-]+$' })),
    /** Inclusive: store-local days (YYYY-MM-DD, the whole day) or ISO instants. */
    from: Type.Optional(Type.String({ maxLength: 40 })),
    to: Type.Optional(Type.String({ maxLength: 40 })),
};

export const AuditQuery = Type.Object(
  {
    ...filters,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    /** The id of the last row of the previous page: pages go from newest to oldest. */
    before: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditPage = Type.Object({ entries: Type.Array(AuditEntry), nextBefore: Type.Union([Type.Integer(), Type.Null()]) });
export type AuditPage = Static<typeof AuditPage>;

export const AuditExportQuery = Type.Object(filters, { additionalProperties: false });
export type AuditExportQuery = Static<typeof AuditExportQuery>;
