import { Type, type Static, type TLiteral, type TUnion } from 'typebox';

/** Money in integer minor units (cents). */
export const Money = Type.Integer({ minimum: -1_000_000_000_00, maximum: 1_000_000_000_00 });
export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' });
/** An ISO-8601 instant in UTC. */
export const Instant = Type.String({ format: 'date-time' });
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
