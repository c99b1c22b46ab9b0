import { Type, type Static } from 'typebox';

/** Money in integer minor units (cents). */
export const Money = Type.Integer({ minimum: -1_000_000_000_00, maximum: 1_000_000_000_00 });
export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' });
/** An ISO-8601 instant in UTC. */
export const Instant = Type.String({ format: 'date-time' });
export const Ok = Type.Object({ ok: Type.Literal(true) });
export type Ok = Static<typeof Ok>;
