import { CHAIN_ENVELOPE_VERSION, upKey, upSubject, type UpEnvelope, type UpKind } from '@vitrina/contracts';
import type { ChainLink } from '../../platform/chain/index.js';
import type { ChainOutboxRepository, OutboxRow } from './outbox-repository.js';

/** How many outbox rows one pass reads, and how many publishes are in flight at once. */
const BATCH = 200;
const IN_FLIGHT = 32;

/** The record an outbox row points at, as its up payload, and when it happened at the store. */
async function payloadOf(repo: ChainOutboxRepository, row: OutboxRow): Promise<{ payload: unknown; occurredAt: string } | null> {
  switch (row.kind) {
    case 'receipts': {
      const r = await repo.receipt(row.ref);
      return r && { payload: r, occurredAt: r.storeTime };
    }
    case 'ledger': {
      const r = await repo.ledgerEntry(row.ref);
      return r && { payload: r, occurredAt: r.at };
    }
    case 'events': {
      const r = await repo.event(row.ref);
      return r && { payload: r, occurredAt: r.at };
    }
    case 'survey': {
      const r = await repo.surveyAnswer(row.ref);
      return r && { payload: r, occurredAt: r.at };
    }
    case 'pop': {
      const r = await repo.play(row.ref);
      return r && { payload: r, occurredAt: r.startedAt };
    }
    case 'erasure': {
      const r = await repo.erasure(row.ref);
      return r && { payload: r, occurredAt: r.erasedAt };
    }
  }
}

/**
 * The message's idempotency key: `<storeId>:<kind>:<local id>`. An erasure's ref is the customer
 * id, so its key uses the outbox row's seq instead: head office keeps keys, and must keep no id.
 */
function keyOf(storeId: string, row: OutboxRow): string {
  return upKey(storeId, row.kind as UpKind, row.kind === 'erasure' ? `seq-${row.seq}` : row.ref);
}

function asInstant(at: string, fallback: string): string {
  const t = Date.parse(at);
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
}

/**
 * One pass over the outbox: each pending row becomes an envelope published to the leaf; a row
 * is marked sent only after its PubAck. A failure stops the pass (order is kept per row seq; the
 * next pass retries from the first unsent row). Returns how many rows were marked sent.
 */
export async function drainOutbox(repo: ChainOutboxRepository, link: ChainLink, storeId: string): Promise<number> {
  const rows = await repo.pending(BATCH);
  let sent = 0;
  for (let i = 0; i < rows.length; i += IN_FLIGHT) {
    const chunk = rows.slice(i, i + IN_FLIGHT);
    const results = await Promise.allSettled(
      chunk.map(async (row) => {
        const built = await payloadOf(repo, row);
        // The record is gone (erased) or has no up form yet: nothing to send, never retried.
        if (!built) return;
        const envelope: UpEnvelope = {
          v: CHAIN_ENVELOPE_VERSION, storeId, key: keyOf(storeId, row), kind: row.kind,
          occurredAt: asInstant(built.occurredAt, row.created_at), payload: built.payload,
        };
        await link.publishUp(upSubject(storeId, row.kind), envelope);
      }),
    );
    const ok = chunk.filter((_, j) => results[j]!.status === 'fulfilled').map((r) => r.seq);
    await repo.markSent(ok, new Date().toISOString());
    sent += ok.length;
    const failed = results.findIndex((r) => r.status === 'rejected');
    if (failed >= 0) {
      const reason = (results[failed] as PromiseRejectedResult).reason as Error;
      await repo.markFailed(chunk[failed]!.seq, String(reason?.message ?? reason));
      throw reason;
    }
  }
  return sent;
}
