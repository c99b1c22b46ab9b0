import type { Database, Queryable } from '../../platform/db/database.js';
import { cachedRead, forgetCached } from '../../platform/db/tx-memo.js';

/** Cache area of cards by HMAC: a scan reads its card once, until the card is written. */
const BY_HMAC = 'cards.hmac:';

export interface CardRow {
  hmac: string;
  kind: 'ean13' | 'pan' | 'pattern' | 'phone';
  last4: string;
  customer_id: string;
  status: 'active' | 'blocked';
  created_at: string;
  /** 1 for a number the store issued itself (kiosk enrollment without a plastic card). */
  virtual?: 0 | 1;
}

export interface EmailRow {
  hmac: string;
  hint: string;
  customer_id: string;
  created_at: string;
}

/** SQLite binds at most 32,766 parameters per statement. */
const MAX_PARAMS = 30_000;
const IN_CHUNK = 900;

export class CardsRepository {
  constructor(private readonly db: Database) {}

  byHmac(hmac: string) {
    return cachedRead(this.db, `${BY_HMAC}${hmac}`, () => this.db.get<CardRow>('SELECT * FROM cards WHERE hmac = ?', [hmac]));
  }

  async insert(tx: Queryable, row: CardRow) {
    await this.insertMany(tx, [row]);
  }

  async insertMany(tx: Queryable, rows: readonly CardRow[]) {
    const per = Math.floor(MAX_PARAMS / 7);
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      await tx.run(
        `INSERT INTO cards (hmac, kind, last4, customer_id, status, created_at, virtual) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((r) => [r.hmac, r.kind, r.last4, r.customer_id, r.status, r.created_at, r.virtual ?? 0]),
      );
      // An unknown card is never cached; forgotten anyway, for a read in flight.
      for (const r of chunk) forgetCached(tx, `${BY_HMAC}${r.hmac}`);
    }
  }

  async insertEmails(tx: Queryable, rows: readonly EmailRow[]) {
    const per = Math.floor(MAX_PARAMS / 4);
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      await tx.run(
        `INSERT INTO member_emails (hmac, hint, customer_id, created_at) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((r) => [r.hmac, r.hint, r.customer_id, r.created_at]),
      );
    }
  }

  async exists(q: Queryable, hmac: string) {
    return (await q.get('SELECT 1 AS x FROM cards WHERE hmac = ?', [hmac])) !== undefined;
  }

  /** Which of these HMACs are already registered, as a card/phone or as an e-mail. */
  async existing(hmacs: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < hmacs.length; i += IN_CHUNK) {
      const chunk = hmacs.slice(i, i + IN_CHUNK);
      const marks = chunk.map(() => '?').join(', ');
      const rows = await this.db.all<{ hmac: string }>(`SELECT hmac FROM cards WHERE hmac IN (${marks}) UNION ALL SELECT hmac FROM member_emails WHERE hmac IN (${marks})`, [...chunk, ...chunk]);
      for (const r of rows) found.add(r.hmac);
    }
    return found;
  }

  async emailExists(q: Queryable, hmac: string) {
    return (await q.get('SELECT 1 AS x FROM member_emails WHERE hmac = ?', [hmac])) !== undefined;
  }

  emailByHmac(hmac: string) {
    return this.db.get<EmailRow>('SELECT * FROM member_emails WHERE hmac = ?', [hmac]);
  }

  cardsOf(customerId: string) {
    return this.db.all<{ kind: string; last4: string; status: string; virtual: number }>('SELECT kind, last4, status, virtual FROM cards WHERE customer_id = ? ORDER BY created_at, rowid', [customerId]);
  }

  emailsOf(customerId: string) {
    return this.db.all<{ hint: string }>('SELECT hint FROM member_emails WHERE customer_id = ? ORDER BY created_at, rowid', [customerId]);
  }

  /** Erasure: cards, phones and e-mails. Returns how many cards and phones were removed. */
  async removeAllOf(q: Queryable, customerId: string) {
    await q.run('DELETE FROM member_emails WHERE customer_id = ?', [customerId]);
    const removed = (await q.run('DELETE FROM cards WHERE customer_id = ?', [customerId])).changes;
    forgetCached(q, BY_HMAC); // the person's HMACs are not known here: every card (erasure is rare)
    return removed;
  }
}
