import { createHmac } from 'node:crypto';
import type { Database, Transaction } from '../../../platform/db/database.js';
import type { IngestItem, Refusal } from './decode.js';

export interface Delivery {
  stream: string;
  streamSeq: number;
  subject: string;
  ingestedAt: string;
}

/** One message of a batch: checked (an item) or refused (a dead letter). */
export type BatchEntry = { delivery: Delivery } & ({ item: IngestItem } | { refusal: Refusal; body: Uint8Array });
export type Outcome = 'stored' | 'duplicate' | 'refused';

/**
 * The ingest's writes. Per message: its key in `hq_ingested` first (a replay finds it and writes
 * nothing), then the row of its kind, then the store's last-message figures. `applyBatch` does a
 * batch of messages in ONE transaction (the consumer acks them only after it committed), so a
 * crash mid-batch redelivers the whole batch and the keys make the second pass change nothing.
 */
export class IngestRepository {
  private salt: Promise<string> | null = null;

  constructor(private readonly db: Database) {}

  /** 'stored', or 'duplicate' when (store, key) was ingested before (a replay, a redelivery). */
  async apply(item: IngestItem, d: Delivery): Promise<'stored' | 'duplicate'> {
    const [outcome] = await this.applyBatch([{ item, delivery: d }]);
    return outcome as 'stored' | 'duplicate';
  }

  /**
   * Every entry in one transaction, in order; returns each one's outcome. When the batch holds an
   * erasure, the WAL is checkpointed after the commit so the erased values leave the disk now.
   */
  async applyBatch(entries: readonly BatchEntry[]): Promise<Outcome[]> {
    const salt = await this.erasureSalt();
    let erased = false;
    const outcomes = await this.db.transaction(async (tx) => {
      const out: Outcome[] = [];
      for (const e of entries) {
        if ('refusal' in e) {
          await insertDeadLetter(tx, e.refusal, e.delivery, e.body);
          out.push('refused');
        } else {
          const o = await applyOne(tx, e.item, e.delivery, salt);
          if (o === 'stored' && e.item.kind === 'erasure') erased = true;
          out.push(o);
        }
      }
      return out;
    });
    if (erased) await this.db.checkpoint();
    return outcomes;
  }

  /** What head office recorded of the erasures it applied (no customer ids: there are none to show). */
  erasures(storeId: string) {
    return this.db.all<{ key: string; erasedAtStore: string; appliedAt: string; receiptsUnlinked: number; ledgerDeleted: number; eventsUnlinked: number; deadLettersRedacted: number }>(
      `SELECT idempotency_key AS key, erased_at_store AS erasedAtStore, applied_at AS appliedAt, receipts_unlinked AS receiptsUnlinked,
              ledger_deleted AS ledgerDeleted, events_unlinked AS eventsUnlinked, dead_letters_redacted AS deadLettersRedacted
         FROM hq_erasures WHERE store_id = ? ORDER BY applied_at, idempotency_key`,
      [storeId],
    );
  }

  private erasureSalt(): Promise<string> {
    this.salt ??= this.db.get<{ salt: string }>('SELECT salt FROM hq_erasure_salt WHERE id = 1').then((r) => r!.salt);
    return this.salt;
  }

  async deadLetter(refusal: Refusal, d: Delivery, body: Uint8Array): Promise<void> {
    await this.applyBatch([{ refusal, body, delivery: d }]);
  }

  deadLetters(limit: number) {
    return this.db.all<{ id: number; at: string; subject: string; streamSeq: number; storeId: string | null; code: string; reason: string }>(
      'SELECT id, at, subject, stream_seq AS streamSeq, store_id AS storeId, code, reason FROM hq_dead_letters ORDER BY id DESC LIMIT ?',
      [limit],
    );
  }

  /** Rows per table for one store (tests, the stores page). */
  async countsOf(storeId: string) {
    const n = async (table: string) => (await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE store_id = ?`, [storeId]))!.n;
    return {
      receipts: await n('hq_receipts'), ledger: await n('hq_ledger'), events: await n('hq_events'),
      survey: await n('hq_survey_answers'), pop: await n('hq_proof_of_play'), ingested: await n('hq_ingested'),
    };
  }

  /** Points balance per customer of one store, from the ledger entries that came up (sum of signed points). */
  balancesOf(storeId: string) {
    return this.db.all<{ customerId: string; balance: number }>(
      'SELECT customer_ref AS customerId, SUM(points) AS balance FROM hq_ledger WHERE store_id = ? GROUP BY customer_ref ORDER BY customer_ref',
      [storeId],
    );
  }
}

/**
 * A refused message is kept for staff with its customer ids blanked: the body could not be read
 * as a contract message, so an erasure cannot find the shopper in it later by field; the id is
 * never needed to see what was wrong with it.
 */
function insertDeadLetter(tx: Transaction, refusal: Refusal, d: Delivery, body: Uint8Array) {
  const text = Buffer.from(body).toString('utf8').slice(0, 4096).replace(/("customerId"\s*:\s*)"(?:[^"\\]|\\.)*"/g, '$1"(redacted)"');
  return tx.run(
    'INSERT INTO hq_dead_letters (at, subject, stream, stream_seq, store_id, code, reason, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [d.ingestedAt, d.subject, d.stream, d.streamSeq, refusal.storeId, refusal.code, refusal.reason, text],
  );
}

async function applyOne(tx: Transaction, item: IngestItem, d: Delivery, salt: string): Promise<'stored' | 'duplicate'> {
  const { changes } = await tx.run(
    'INSERT OR IGNORE INTO hq_ingested (store_id, idempotency_key, kind, stream_seq, occurred_at, ingested_at) VALUES (?, ?, ?, ?, ?, ?)',
    [item.storeId, item.key, item.kind, d.streamSeq, item.occurredAt, d.ingestedAt],
  );
  if (changes === 0) return 'duplicate';
  // A store is registered by staff; one that sends before it is registered still gets counted.
  await tx.run("INSERT OR IGNORE INTO hq_stores (id, name, region, registered_at) VALUES (?, ?, '', ?)", [item.storeId, item.storeId, d.ingestedAt]);
  if (item.kind === 'erasure') await eraseShopper(tx, item.storeId, item.key, item.payload.customerId, item.payload.erasedAt, d.ingestedAt, salt);
  else await upsertOf(tx, item, await isErased(tx, item, salt));
  const delay = Math.max(0, Date.parse(d.ingestedAt) - Date.parse(item.occurredAt));
  await tx.run(
    `UPDATE hq_stores SET last_message_at = ?, last_delay_ms = ?, messages = messages + 1,
            last_occurred_at = CASE WHEN last_occurred_at IS NULL OR last_occurred_at < ? THEN ? ELSE last_occurred_at END,
            last_stream_seq = MAX(last_stream_seq, ?)
      WHERE id = ?`,
    [d.ingestedAt, delay, item.occurredAt, item.occurredAt, d.streamSeq, item.storeId],
  );
  return 'stored';
}

/** The keyed hash a shopper is remembered by after their erasure: never the id itself. */
function shopperHash(salt: string, storeId: string, customerId: string): string {
  return createHmac('sha256', salt).update(`${storeId}:${customerId}`).digest('hex');
}

/** The customer id a message carries, if any. */
function customerOf(item: Exclude<IngestItem, { kind: 'erasure' }>): string | null {
  switch (item.kind) {
    case 'receipts':
    case 'ledger':
    case 'events':
    case 'survey':
      return item.payload.customerId ?? null;
    case 'pop':
      return null;
  }
}

/** Whether the message is about a shopper this store erased before it arrived (a late message). */
async function isErased(tx: Transaction, item: Exclude<IngestItem, { kind: 'erasure' }>, salt: string): Promise<string | null> {
  const customerId = customerOf(item);
  if (!customerId) return null;
  const hit = await tx.get<{ n: number }>('SELECT 1 AS n FROM hq_erased_shoppers WHERE shopper_hash = ?', [shopperHash(salt, item.storeId, customerId)]);
  return hit ? customerId : null;
}

/**
 * A store erased `<storeId>:<customerId>`: everything head office holds about them goes, in this
 * transaction. Receipts and events stay as anonymous sales and counts (their customer link is
 * cleared; an event's data is replaced when it names the shopper); the points ledger, which is
 * the history of one person's account, is deleted; dead letters that name them are redacted;
 * survey answers never held a customer id here. The chain model reads member receipts when it
 * trains, so the shopper is out of every later run. Then the keyed hash (for late messages) and
 * a record without the id.
 */
async function eraseShopper(tx: Transaction, storeId: string, key: string, customerId: string, erasedAt: string, at: string, salt: string): Promise<void> {
  const receipts = await tx.run('UPDATE hq_receipts SET customer_ref = NULL WHERE store_id = ? AND customer_ref = ?', [storeId, customerId]);
  const ledger = await tx.run('DELETE FROM hq_ledger WHERE store_id = ? AND customer_ref = ?', [storeId, customerId]);
  const events = await tx.run(
    `UPDATE hq_events SET customer_ref = NULL, payload_json = CASE WHEN instr(payload_json, $id) > 0 THEN '{"erased":true}' ELSE payload_json END
      WHERE store_id = $store AND (customer_ref = $id OR instr(payload_json, $id) > 0)`,
    { $store: storeId, $id: customerId },
  );
  const letters = await tx.run("UPDATE hq_dead_letters SET body = '(erased)' WHERE instr(body, ?) > 0", [customerId]);
  await tx.run('INSERT OR IGNORE INTO hq_erased_shoppers (shopper_hash) VALUES (?)', [shopperHash(salt, storeId, customerId)]);
  await tx.run(
    `INSERT OR IGNORE INTO hq_erasures (store_id, idempotency_key, erased_at_store, applied_at, receipts_unlinked, ledger_deleted, events_unlinked, dead_letters_redacted)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [storeId, key, erasedAt, at, receipts.changes, ledger.changes, events.changes, letters.changes],
  );
}

/** `erasedCustomer`: the message is about a shopper already erased here: stored unlinked, or not at all. */
async function upsertOf(tx: Transaction, item: Exclude<IngestItem, { kind: 'erasure' }>, erasedCustomer: string | null): Promise<void> {
  const s = item.storeId;
  switch (item.kind) {
    case 'receipts': {
      const r = item.payload;
      const { changes } = await tx.run(
        'INSERT OR IGNORE INTO hq_receipts (store_id, receipt_id, kind, customer_ref, total_minor, local_date, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [s, r.receiptId, r.kind, erasedCustomer ? null : r.customerId, r.totalMinor, r.localDate, r.storeTime],
      );
      // The same receipt under another key (re-sent after a store restore) keeps its first lines.
      if (changes === 0) return;
      for (const l of r.lines) {
        await tx.run(
          'INSERT INTO hq_receipt_lines (store_id, receipt_id, line_no, product_id, quantity, net_minor) VALUES (?, ?, ?, ?, ?, ?)',
          [s, r.receiptId, l.lineNo, l.productId, l.quantity, l.netMinor],
        );
      }
      return;
    }
    case 'ledger': {
      const e = item.payload;
      if (erasedCustomer) return;
      await tx.run('INSERT OR IGNORE INTO hq_ledger (store_id, entry_id, customer_ref, points, kind, occurred_at) VALUES (?, ?, ?, ?, ?, ?)', [s, e.entryId, e.customerId, e.points, e.kind, e.at]);
      return;
    }
    case 'events': {
      const e = item.payload;
      let data = JSON.stringify(e.data ?? null);
      if (erasedCustomer && data.includes(erasedCustomer)) data = '{"erased":true}';
      await tx.run('INSERT OR IGNORE INTO hq_events (store_id, event_id, type, customer_ref, payload_json, occurred_at) VALUES (?, ?, ?, ?, ?, ?)', [s, e.eventId, e.type, erasedCustomer ? null : e.customerId, data, e.at]);
      return;
    }
    case 'survey': {
      const a = item.payload;
      await tx.run('INSERT OR IGNORE INTO hq_survey_answers (store_id, answer_id, score, payload_json, occurred_at) VALUES (?, ?, ?, ?, ?)', [s, a.answerId, a.score, JSON.stringify({ reasons: a.reasons, zoneId: a.zoneId, day: a.day }), a.at]);
      return;
    }
    case 'pop': {
      const p = item.payload;
      await tx.run(
        'INSERT OR IGNORE INTO hq_proof_of_play (store_id, play_id, screen_id, item_kind, item_ref, duration_ms, payload_json, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [s, p.playId, p.screenId, p.itemKind, p.itemRef, p.durationMs, JSON.stringify({ zoneId: p.zoneId }), p.startedAt],
      );
      return;
    }
  }
}
