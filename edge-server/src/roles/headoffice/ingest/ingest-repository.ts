import type { Database, Transaction } from '../../../platform/db/database.js';
import type { IngestItem, Refusal } from './decode.js';

export interface Delivery {
  stream: string;
  streamSeq: number;
  subject: string;
  ingestedAt: string;
}

/**
 * The ingest's writes: one transaction per message — its key in `hq_ingested` first (a replay
 * finds it and writes nothing), then the row of its kind, then the store's last-message figures.
 */
export class IngestRepository {
  constructor(private readonly db: Database) {}

  /** 'stored', or 'duplicate' when (store, key) was ingested before (a replay, a redelivery). */
  apply(item: IngestItem, d: Delivery): Promise<'stored' | 'duplicate'> {
    return this.db.transaction(async (tx) => {
      const { changes } = await tx.run(
        'INSERT OR IGNORE INTO hq_ingested (store_id, idempotency_key, kind, stream_seq, occurred_at, ingested_at) VALUES (?, ?, ?, ?, ?, ?)',
        [item.storeId, item.key, item.kind, d.streamSeq, item.occurredAt, d.ingestedAt],
      );
      if (changes === 0) return 'duplicate';
      // A store is registered by staff; one that sends before it is registered still gets counted.
      await tx.run("INSERT OR IGNORE INTO hq_stores (id, name, region, registered_at) VALUES (?, ?, '', ?)", [item.storeId, item.storeId, d.ingestedAt]);
      await upsertOf(tx, item);
      const delay = Math.max(0, Date.parse(d.ingestedAt) - Date.parse(item.occurredAt));
      await tx.run(
        `UPDATE hq_stores SET last_message_at = ?, last_delay_ms = ?, messages = messages + 1,
                last_occurred_at = CASE WHEN last_occurred_at IS NULL OR last_occurred_at < ? THEN ? ELSE last_occurred_at END,
                last_stream_seq = MAX(last_stream_seq, ?)
          WHERE id = ?`,
        [d.ingestedAt, delay, item.occurredAt, item.occurredAt, d.streamSeq, item.storeId],
      );
      return 'stored';
    });
  }

  async deadLetter(refusal: Refusal, d: Delivery, body: Uint8Array): Promise<void> {
    await this.db.run(
      'INSERT INTO hq_dead_letters (at, subject, stream, stream_seq, store_id, code, reason, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [d.ingestedAt, d.subject, d.stream, d.streamSeq, refusal.storeId, refusal.code, refusal.reason, Buffer.from(body).toString('utf8').slice(0, 4096)],
    );
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

async function upsertOf(tx: Transaction, item: IngestItem): Promise<void> {
  const s = item.storeId;
  switch (item.kind) {
    case 'receipts': {
      const r = item.payload;
      const { changes } = await tx.run(
        'INSERT OR IGNORE INTO hq_receipts (store_id, receipt_id, kind, customer_ref, total_minor, local_date, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [s, r.receiptId, r.kind, r.customerId, r.totalMinor, r.localDate, r.storeTime],
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
      await tx.run('INSERT OR IGNORE INTO hq_ledger (store_id, entry_id, customer_ref, points, kind, occurred_at) VALUES (?, ?, ?, ?, ?, ?)', [s, e.entryId, e.customerId, e.points, e.kind, e.at]);
      return;
    }
    case 'events': {
      const e = item.payload;
      await tx.run('INSERT OR IGNORE INTO hq_events (store_id, event_id, type, customer_ref, payload_json, occurred_at) VALUES (?, ?, ?, ?, ?, ?)', [s, e.eventId, e.type, e.customerId, JSON.stringify(e.data ?? null), e.at]);
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
