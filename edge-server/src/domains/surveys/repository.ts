import type { SurveySettings } from '@vitrina/contracts';
import type { Database, Queryable } from '../../platform/db/database.js';

export interface SurveyAnswerRow {
  id: string;
  store_id: string;
  kiosk_id: string;
  zone_id: string | null;
  customer_id: string | null;
  session_id: string;
  score: number;
  /** JSON array of chip ids. */
  reasons: string;
  comment: string | null;
  at: string;
  day: string;
}

/** The only place with SQL for survey_answers and survey_settings. */
export class SurveysRepository {
  constructor(private readonly db: Database) {}

  async settings(q: Queryable = this.db): Promise<SurveySettings> {
    const r = await q.get<{ enabled: number; interval_days: number; reasons: string }>('SELECT enabled, interval_days, reasons FROM survey_settings WHERE id = 1');
    if (!r) return { enabled: false, intervalDays: 30, reasons: [] };
    return { enabled: r.enabled === 1, intervalDays: r.interval_days, reasons: JSON.parse(r.reasons) as SurveySettings['reasons'] };
  }

  async saveSettings(q: Queryable, s: SurveySettings, at: string) {
    await q.run(
      `INSERT INTO survey_settings (id, enabled, interval_days, reasons, updated_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, interval_days = excluded.interval_days, reasons = excluded.reasons, updated_at = excluded.updated_at`,
      [s.enabled ? 1 : 0, s.intervalDays, JSON.stringify(s.reasons), at],
    );
  }

  /** The shopper's latest answer at or after `since` (an ISO instant), if any. */
  answeredSince(q: Queryable, customerId: string, since: string) {
    return q.get<{ at: string }>('SELECT at FROM survey_answers WHERE customer_id = ? AND at >= ? ORDER BY at DESC LIMIT 1', [customerId, since]);
  }

  /** Whether the shopper was shown the survey at or after `since` in a session other than `sessionId`. */
  askedElsewhereSince(q: Queryable, customerId: string, since: string, sessionId: string) {
    return q.get<{ at: string }>('SELECT at FROM survey_asks WHERE customer_id = ? AND at >= ? AND session_id <> ? LIMIT 1', [customerId, since, sessionId]);
  }

  /** Notes that this session showed the survey (once: a repeated check in the session keeps the first time). */
  async insertAsk(q: Queryable, r: { session_id: string; customer_id: string; kiosk_id: string; at: string }) {
    await q.run('INSERT INTO survey_asks (session_id, customer_id, kiosk_id, at) VALUES (?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING', [r.session_id, r.customer_id, r.kiosk_id, r.at]);
  }

  asksOf(customerId: string) {
    return this.db.all<{ at: string; kiosk_id: string }>('SELECT at, kiosk_id FROM survey_asks WHERE customer_id = ? ORDER BY at', [customerId]);
  }

  sessionAnswered(q: Queryable, sessionId: string) {
    return q.get<{ id: string }>('SELECT id FROM survey_answers WHERE session_id = ?', [sessionId]);
  }

  async insert(q: Queryable, r: SurveyAnswerRow) {
    await q.run(
      'INSERT INTO survey_answers (id, store_id, kiosk_id, zone_id, customer_id, session_id, score, reasons, comment, at, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [r.id, r.store_id, r.kiosk_id, r.zone_id, r.customer_id, r.session_id, r.score, r.reasons, r.comment, r.at, r.day],
    );
  }

  /** Score and reasons of every answer on the store days [from, to]. */
  inWindow(from: string, to: string) {
    return this.db.all<{ day: string; score: number; reasons: string }>('SELECT day, score, reasons FROM survey_answers WHERE day BETWEEN ? AND ?', [from, to]);
  }

  async countComments() {
    return (await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM survey_answers WHERE comment IS NOT NULL'))?.n ?? 0;
  }

  /** Answers with a comment, newest first. */
  comments(offset: number, limit: number) {
    return this.db.all<SurveyAnswerRow>('SELECT * FROM survey_answers WHERE comment IS NOT NULL ORDER BY at DESC, id DESC LIMIT ? OFFSET ?', [limit, offset]);
  }

  /** A batch of every answer after (at, id), oldest first: the CSV export reads in these. */
  batchAfter(after: { at: string; id: string }, limit: number) {
    return this.db.all<SurveyAnswerRow>('SELECT * FROM survey_answers WHERE (at, id) > (?, ?) ORDER BY at, id LIMIT ?', [after.at, after.id, limit]);
  }

  answersOf(customerId: string) {
    return this.db.all<SurveyAnswerRow>('SELECT * FROM survey_answers WHERE customer_id = ? ORDER BY at', [customerId]);
  }

  /** Erasure: the answers stay for the store's NPS, no longer linked to anyone and without the free text. */
  async forgetCustomerIn(q: Queryable, customerId: string) {
    // When they were asked is of no use to the store once they are gone: those rows go entirely.
    await q.run('DELETE FROM survey_asks WHERE customer_id = ?', [customerId]);
    return (await q.run('UPDATE survey_answers SET customer_id = NULL, comment = NULL WHERE customer_id = ?', [customerId])).changes;
  }
}
