import { Type, type Static, type TSchema } from 'typebox';
import { Id, Instant, LiteralUnion } from '../common.js';
import { CHAIN_ID_PATTERN, DOWN_KINDS, UP_KINDS } from './subjects.js';

/** A store id or region id on the chain (one subject token, one JetStream domain). */
export const ChainId = Type.String({ pattern: CHAIN_ID_PATTERN });

/** Version of the envelope shape; a reader refuses a higher major than it knows. */
export const CHAIN_ENVELOPE_VERSION = 1;

/**
 * Every up message: the store that wrote it, an idempotency key (also the `Nats-Msg-Id`), its
 * kind and when it happened at the store. The key is stable across replays (`<storeId>:<kind>:<local id>`),
 * so head office's dedupe window and its idempotent upserts make a replay exactly-once in effect.
 */
export function upEnvelope<P extends TSchema>(payload: P) {
  return Type.Object({
    v: Type.Literal(CHAIN_ENVELOPE_VERSION),
    storeId: ChainId,
    key: Type.String({ minLength: 1, maxLength: 200 }),
    kind: LiteralUnion(UP_KINDS),
    occurredAt: Instant,
    payload,
  });
}
export const UpEnvelope = upEnvelope(Type.Unknown());
export type UpEnvelope<P = unknown> = Omit<Static<typeof UpEnvelope>, 'payload'> & { payload: P };

export const DownTargetSchema = Type.Union([
  Type.Object({ scope: Type.Literal('all') }),
  Type.Object({ scope: Type.Literal('region'), region: ChainId }),
  Type.Object({ scope: Type.Literal('store'), storeId: ChainId }),
]);

/**
 * Every down message. `storeId` is `"hq"` (the sender). `entityId` names what it changes
 * (campaign id, product id, playlist zone, model id); `version` grows per entity at head office,
 * so a store applies a message only when its version is higher than the one it applied last for
 * that entity (order holds even across the all/region/store filters it reads).
 */
export function downEnvelope<P extends TSchema>(payload: P) {
  return Type.Object({
    v: Type.Literal(CHAIN_ENVELOPE_VERSION),
    storeId: Type.Literal('hq'),
    key: Type.String({ minLength: 1, maxLength: 200 }),
    kind: LiteralUnion(DOWN_KINDS),
    occurredAt: Instant,
    target: DownTargetSchema,
    entityId: Id,
    version: Type.Integer({ minimum: 1 }),
    payload,
  });
}
export const DownEnvelope = downEnvelope(Type.Unknown());
export type DownEnvelope<P = unknown> = Omit<Static<typeof DownEnvelope>, 'payload'> & { payload: P };

/** The idempotency key of a store-local record: `<storeId>:<kind>:<localId>`. */
export function upKey(storeId: string, kind: (typeof UP_KINDS)[number], localId: string | number): string {
  return `${storeId}:${kind}:${localId}`;
}
