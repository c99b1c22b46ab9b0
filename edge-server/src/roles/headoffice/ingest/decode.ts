import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import {
  ChainErasure, ChainEvent, ChainLedgerEntry, ChainProofOfPlay, ChainReceipt, ChainSurveyAnswer, SUBJECT_ROOT, UP_KINDS, UpEnvelope,
  type ChainEvent as ChainEventT, type ChainLedgerEntry as LedgerT, type ChainProofOfPlay as PopT, type ChainReceipt as ReceiptT,
  type ChainSurveyAnswer as SurveyT, type ChainErasure as ErasureT, type ErrorCode, type UpKind,
} from '@vitrina/contracts';

/** One up message, checked: the envelope's store is the subject's, and the payload is its kind's. */
export type IngestItem = { storeId: string; key: string; occurredAt: string } & (
  | { kind: 'receipts'; payload: ReceiptT }
  | { kind: 'ledger'; payload: LedgerT }
  | { kind: 'events'; payload: ChainEventT }
  | { kind: 'survey'; payload: SurveyT }
  | { kind: 'pop'; payload: PopT }
  | { kind: 'erasure'; payload: ErasureT }
);

export interface Refusal {
  code: Extract<ErrorCode, 'VITRINA_ERR_CHAIN_MALFORMED' | 'VITRINA_ERR_CHAIN_STORE_MISMATCH'>;
  reason: string;
  /** The store the subject names, when it names one. */
  storeId: string | null;
}

const PAYLOADS: Record<UpKind, TSchema> = { receipts: ChainReceipt, ledger: ChainLedgerEntry, events: ChainEvent, survey: ChainSurveyAnswer, pop: ChainProofOfPlay, erasure: ChainErasure };
const envelope = Compile(UpEnvelope);
const payloads = Object.fromEntries(UP_KINDS.map((k) => [k, Compile(PAYLOADS[k])])) as Record<UpKind, ReturnType<typeof Compile>>;
const SUBJECT = new RegExp(`^${SUBJECT_ROOT}\\.up\\.([A-Za-z0-9_-]{1,40})\\.(\\w+)$`);

/**
 * Reads one message of `VITRINA_UP`. The subject is the authority on who sent it: the hub's
 * source of a store's outbox carries only `vitrina.up.<thatStore>.>`, so an envelope naming
 * another store (a bug, or a store trying to write as another) is refused, as is anything that
 * does not match the contract. Pure: no I/O, never throws.
 */
export function decodeUpMessage(subject: string, data: Uint8Array): { ok: true; item: IngestItem } | { ok: false; refusal: Refusal } {
  const m = SUBJECT.exec(subject);
  const subjectStore = m?.[1] ?? null;
  const refuse = (code: Refusal['code'], reason: string) => ({ ok: false as const, refusal: { code, reason, storeId: subjectStore } });
  if (!m || !(UP_KINDS as readonly string[]).includes(m[2]!)) return refuse('VITRINA_ERR_CHAIN_MALFORMED', `not an up subject: ${subject}`);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch (err) {
    return refuse('VITRINA_ERR_CHAIN_MALFORMED', `body is not JSON: ${(err as Error).message}`);
  }
  if (!envelope.Check(body)) return refuse('VITRINA_ERR_CHAIN_MALFORMED', `envelope: ${firstError(envelope, body)}`);
  if (body.storeId !== subjectStore) return refuse('VITRINA_ERR_CHAIN_STORE_MISMATCH', `envelope store ${body.storeId} came on ${subject}`);
  if (body.kind !== m[2]) return refuse('VITRINA_ERR_CHAIN_MALFORMED', `envelope kind ${body.kind} came on ${subject}`);
  const kind = body.kind as UpKind;
  if (!payloads[kind].Check(body.payload)) return refuse('VITRINA_ERR_CHAIN_MALFORMED', `${kind} payload: ${firstError(payloads[kind], body.payload)}`);
  return { ok: true, item: { storeId: body.storeId, key: body.key, occurredAt: body.occurredAt, kind, payload: body.payload } as IngestItem };
}

function firstError(v: ReturnType<typeof Compile>, value: unknown): string {
  const e = [...v.Errors(value)][0];
  return e ? `${e.instancePath || '/'} ${e.message}` : 'does not match the contract';
}
