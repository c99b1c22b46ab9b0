import { StoreAggregates } from './aggregates.js';

/**
 * Moving StoreAggregates between threads (the edge server builds them in a worker) without
 * copying the big arrays: every typed array's buffer goes in the transfer list of
 * postMessage, so the receiving thread gets the memory itself and the sender's views become
 * empty. The walk is generic — every own field of the aggregates (nested plain objects such as
 * the neighbour lists included) — so a typed-array field added to StoreAggregates later moves
 * the same way with no change here. Everything else (item ids, counts, the id → index map) is
 * structured-cloned, which is cheap next to the arrays.
 */
export interface TransferableAggregates {
  /** Marks a payload made here, so a foreign message is refused rather than half-restored. */
  kind: 'vitrina.store-aggregates';
  fields: Record<string, unknown>;
}

export function toTransferable(agg: StoreAggregates): { payload: TransferableAggregates; transfer: ArrayBuffer[] } {
  const buffers = new Set<ArrayBuffer>();
  const collect = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) {
      // A SharedArrayBuffer is shared, not moved; several views over one buffer move it once.
      if (value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
    } else if (isPlainObject(value)) {
      for (const v of Object.values(value)) collect(v);
    }
  };
  const fields: Record<string, unknown> = { ...agg };
  collect(fields);
  return { payload: { kind: 'vitrina.store-aggregates', fields }, transfer: [...buffers] };
}

/**
 * The aggregates back from a payload that crossed postMessage. The typed arrays are the
 * transferred ones (no copy). StoreAggregates keeps its constructor private, so the instance is
 * made from its prototype and the received fields — exactly what the constructor had set.
 */
export function fromTransferable(payload: TransferableAggregates): StoreAggregates {
  if (payload?.kind !== 'vitrina.store-aggregates' || !isPlainObject(payload.fields)) throw new Error('not a StoreAggregates payload');
  const agg = Object.create(StoreAggregates.prototype) as StoreAggregates;
  return Object.assign(agg, payload.fields);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
