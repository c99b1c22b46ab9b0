import { Type, type Static, type TLiteral, type TUnion } from 'typebox';

/** Money in integer minor units (cents). */
export const Money = Type.Integer({ minimum: -1_000_000_000_00, maximum: 1_000_000_000_00 });
export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' });
/** An ISO-8601 instant in UTC. */
export const Instant = Type.String({ format: 'date-time' });
/**
 * A store-local calendar day, YYYY-MM-DD. The pattern checks the shape (month 01–12, day 01–31);
 * the server also refuses days that do not exist (2026-02-31) and days outside sane bounds, with
 * VITRINA_ERR_VALIDATION.
 */
export const LocalDate = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'Store-local day, YYYY-MM-DD.' });
/**
 * The body of an irreversible sweep (points expiry, offer expiry). `today` defaults to the
 * store's today and may not be after it; `dryRun: true` answers what would happen and writes
 * nothing; the real run must say `confirm: true`.
 */
export const SweepRequest = Type.Object(
  {
    today: Type.Optional(LocalDate),
    dryRun: Type.Optional(Type.Boolean()),
    confirm: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SweepRequest = Static<typeof SweepRequest>;
export const Ok = Type.Object({ ok: Type.Literal(true) });
export type Ok = Static<typeof Ok>;

type Literals<T extends readonly string[]> = { -readonly [I in keyof T]: TLiteral<T[I] & string> };

/**
 * The schema of one of a const list's strings, as `anyOf` literal `const`s: the list stays the
 * single source, and its members stay the static type (`.map` alone would widen it to never).
 */
export function LiteralUnion<const T extends readonly string[]>(values: T): TUnion<Literals<T>> {
  return Type.Union(values.map((value) => Type.Literal(value))) as unknown as TUnion<Literals<T>>;
}
