import type { Queryable } from '../../../platform/db/database.js';
import { forgetCached, forgetInTx } from '../../../platform/db/tx-memo.js';
import { ARMS, CAMPAIGNS_MEMO } from '../repository.js';

export interface CampaignRow {
  id: string;
  name: string;
  starts_on: string;
  ends_on: string;
  holdout_pct: number;
  priority: number;
  status: 'draft' | 'live' | 'paused' | 'ended';
  created_at: string;
  /** 'chain': created by head office's down-flow, which may rewrite it; 'store': the store's own (migration 021). */
  origin?: 'store' | 'chain';
}

const RECORDED = 'campaigns.recorded:';
const NOTHING: ReadonlySet<string> = new Set();

/** The only place with SQL for campaigns, their assignments and the offer lifecycle. */
export class CampaignsRepository {
  async insert(q: Queryable, c: CampaignRow) {
    forgetInTx(q, CAMPAIGNS_MEMO);
    await q.run('INSERT INTO campaigns (id, name, starts_on, ends_on, holdout_pct, priority, status, created_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      c.id, c.name, c.starts_on, c.ends_on, c.holdout_pct, c.priority, c.status, c.created_at, c.origin ?? 'store',
    ]);
    forgetCached(q, CAMPAIGNS_MEMO);
  }

  /** Rewrites a campaign's name, window, holdout share, priority and status (a chain campaign edited at head office). */
  async update(q: Queryable, c: Omit<CampaignRow, 'created_at' | 'origin'>) {
    forgetInTx(q, CAMPAIGNS_MEMO);
    await q.run('UPDATE campaigns SET name = ?, starts_on = ?, ends_on = ?, holdout_pct = ?, priority = ?, status = ? WHERE id = ?', [
      c.name, c.starts_on, c.ends_on, c.holdout_pct, c.priority, c.status, c.id,
    ]);
    forgetCached(q, CAMPAIGNS_MEMO);
  }

  byId(q: Queryable, id: string) {
    return q.get<CampaignRow>('SELECT * FROM campaigns WHERE id = ?', [id]);
  }

  list(q: Queryable) {
    return q.all<CampaignRow>('SELECT * FROM campaigns ORDER BY starts_on DESC, id');
  }

  async setStatus(q: Queryable, id: string, status: CampaignRow['status']) {
    forgetInTx(q, CAMPAIGNS_MEMO);
    const changed = (await q.run('UPDATE campaigns SET status = ? WHERE id = ?', [status, id])).changes > 0;
    forgetCached(q, CAMPAIGNS_MEMO);
    return changed;
  }

  /**
   * What this process has already written for a shopper's offer lifecycle (`assigned:<campaign>`,
   * `shown:<offer>`): a campaign assignment is never undone and a `shown` instance never goes back
   * to `issued`, so writing them again would change nothing. Kept in the database's cache (gone
   * with erasure, eviction or another process's write, and then simply written again).
   */
  recorded(q: Queryable, customerId: string): ReadonlySet<string> {
    return q.cache?.peek<ReadonlySet<string>>(`${RECORDED}${customerId}`) ?? NOTHING;
  }

  /** Remembers, once the transaction commits, what it wrote for this shopper. */
  noteRecorded(tx: Queryable, customerId: string, marks: readonly string[]) {
    const cache = tx.cache;
    if (!cache || !tx.afterCommit || marks.length === 0) return;
    tx.afterCommit(() => cache.set(`${RECORDED}${customerId}`, new Set([...this.recorded(tx, customerId), ...marks])));
  }

  /** Several assignments of one shopper in one statement (the campaigns a scan met). */
  async assignMany(q: Queryable, customerId: string, arms: ReadonlyArray<readonly [string, 'treatment' | 'control']>, at: string) {
    if (arms.length === 0) return;
    await q.run(
      `INSERT OR IGNORE INTO campaign_assignments (campaign_id, customer_id, arm, assigned_at) VALUES ${arms.map(() => '(?, ?, ?, ?)').join(', ')}`,
      arms.flatMap(([campaignId, arm]) => [campaignId, customerId, arm, at]),
    );
    forgetCached(q, `${ARMS}${customerId}`);
  }

  /** Issued and shown in one step (the kiosk displays what it is issued), for the offers one session showed; later states are kept. */
  async markShownMany(q: Queryable, customerId: string, offers: ReadonlyArray<{ offerId: string; campaignId: string | null }>, at: string) {
    if (offers.length === 0) return;
    await q.run(
      `INSERT INTO offer_instances (offer_id, customer_id, campaign_id, state, issued_at, shown_at) VALUES ${offers.map(() => "(?, ?, ?, 'shown', ?, ?)").join(', ')}
       ON CONFLICT(offer_id, customer_id) DO UPDATE SET shown_at = COALESCE(shown_at, excluded.shown_at),
         state = CASE WHEN state = 'issued' THEN 'shown' ELSE state END`,
      offers.flatMap((o) => [o.offerId, customerId, o.campaignId, at, at]),
    );
  }

  /** Assigns once and for all: a second call keeps the first arm and date. */
  async assign(q: Queryable, campaignId: string, customerId: string, arm: 'treatment' | 'control', at: string) {
    await q.run('INSERT OR IGNORE INTO campaign_assignments (campaign_id, customer_id, arm, assigned_at) VALUES (?, ?, ?, ?)', [campaignId, customerId, arm, at]);
    forgetCached(q, `${ARMS}${customerId}`);
  }

  async markClipped(q: Queryable, offerId: string, customerId: string, campaignId: string | null, at: string) {
    await q.run(
      `INSERT INTO offer_instances (offer_id, customer_id, campaign_id, state, issued_at, shown_at, clipped_at) VALUES (?, ?, ?, 'clipped', ?, ?, ?)
       ON CONFLICT(offer_id, customer_id) DO UPDATE SET clipped_at = COALESCE(clipped_at, excluded.clipped_at),
         state = CASE WHEN state IN ('issued', 'shown') THEN 'clipped' ELSE state END`,
      [offerId, customerId, campaignId, at, at, at],
    );
  }

  /** Unredeemed instances of these (ended) offers become `expired`. */
  async expire(q: Queryable, endedOfferIds: readonly string[], at: string) {
    let changes = 0;
    for (let i = 0; i < endedOfferIds.length; i += 500) {
      const chunk = endedOfferIds.slice(i, i + 500);
      const r = await q.run(
        `UPDATE offer_instances SET state = 'expired', expired_at = ? WHERE state IN ('issued', 'shown', 'clipped') AND offer_id IN (${chunk.map(() => '?').join(',')})`,
        [at, ...chunk],
      );
      changes += r.changes;
    }
    return changes;
  }

  lifecycleCounts(q: Queryable, campaignId: string) {
    return q.all<{ state: string; n: number }>('SELECT state, COUNT(*) AS n FROM offer_instances WHERE campaign_id = ? GROUP BY state', [campaignId]);
  }
}
