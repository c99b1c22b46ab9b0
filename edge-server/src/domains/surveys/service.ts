import { Readable } from 'node:stream';
import {
  SURVEY_COMMENT_MAX, type NpsReport, type SurveyAnswerRequest, type SurveyAnswerResult, type SurveyAnswerView, type SurveyCommentsPage, type SurveyDue,
  type SurveySettings,
} from '@vitrina/contracts';
import type { Database } from '../../platform/db/database.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { addDays, isLocalDateNear, localDateOf } from '../../shared/calendar.js';
import { csvLine } from '../../shared/csv.js';
import { newId, nowIso } from '../../shared/ids.js';
import { npsOf } from './nps.js';
import type { SurveyAnswerRow, SurveysRepository } from './repository.js';

const DAY_MS = 86_400_000;
const EXPORT_BATCH = 500;
const CSV_COLUMNS = ['id', 'at', 'day', 'storeId', 'kioskId', 'zoneId', 'score', 'reasons', 'comment'];

/** Where an answer comes from: the live kiosk session the socket handler found (never the payload's word). */
export interface SurveySource {
  kioskId: string;
  zoneId: string | null;
  sessionId: string;
  customerId: string;
}

function viewOf(r: SurveyAnswerRow): SurveyAnswerView {
  return { id: r.id, at: r.at, day: r.day, kioskId: r.kiosk_id, zoneId: r.zone_id, score: r.score, reasons: JSON.parse(r.reasons) as string[], comment: r.comment };
}

/**
 * The one-question survey at the end of a kiosk session. A shopper is due when the survey is on
 * and they have not answered in the last `intervalDays`; an answer is refused (nothing written)
 * outside that, for an unknown chip, or twice in one session. Answers are linked to the shopper
 * only for that rule and for their export and erasure; staff see where and when, never who.
 */
export class SurveysService {
  constructor(
    private readonly db: Database,
    private readonly repo: SurveysRepository,
    private readonly deps: { storeId: string; timeZone: string; today: () => string; now?: () => Date },
  ) {}

  private now() {
    return this.deps.now?.() ?? new Date();
  }

  settings() {
    return this.repo.settings();
  }

  /** Replaces the settings; chip ids must be unique. Returns before/after for the audit log. */
  async saveSettings(next: SurveySettings) {
    const ids = new Set<string>();
    for (const r of next.reasons) {
      if (ids.has(r.id)) throw new VitrinaError('VITRINA_ERR_VALIDATION', `Reason "${r.id}" is listed twice.`);
      ids.add(r.id);
    }
    const clean: SurveySettings = {
      enabled: next.enabled, intervalDays: next.intervalDays,
      reasons: next.reasons.map((r) => ({ id: r.id, labels: { en: r.labels.en.trim(), ru: r.labels.ru.trim() } })),
    };
    if (clean.reasons.some((r) => !r.labels.en || !r.labels.ru)) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'Every reason needs an English and a Russian label.');
    return this.db.transaction(async (tx) => {
      const before = await this.repo.settings(tx);
      await this.repo.saveSettings(tx, clean, nowIso());
      return { before, after: clean };
    });
  }

  /**
   * Whether the shopper of a live session is asked, and with which chips. Being asked counts for
   * the interval (the "at most once per shopper per N days"): a due answer notes the
   * session, so a shopper who skips is not asked in another session within the interval; asking
   * again in the same session (the kiosk checking twice) still says due.
   */
  async due(source: Omit<SurveySource, 'zoneId'>): Promise<SurveyDue> {
    const at = this.now().toISOString();
    return this.db.transaction(async (tx) => {
      const s = await this.repo.settings(tx);
      const since = this.windowStart(s.intervalDays);
      const due = s.enabled
        && !(await this.repo.answeredSince(tx, source.customerId, since))
        && !(await this.repo.askedElsewhereSince(tx, source.customerId, since, source.sessionId));
      if (due) await this.repo.insertAsk(tx, { session_id: source.sessionId, customer_id: source.customerId, kiosk_id: source.kioskId, at });
      return { due, reasons: due ? s.reasons : [], commentMaxLength: SURVEY_COMMENT_MAX };
    });
  }

  async answer(source: SurveySource, req: Omit<SurveyAnswerRequest, 'sessionId'>): Promise<SurveyAnswerResult> {
    // The contract already bounds the score; this keeps the rule true for any other caller.
    if (!Number.isInteger(req.score) || req.score < 0 || req.score > 10) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'The score must be a whole number from 0 to 10.');
    if ((req.comment?.length ?? 0) > SURVEY_COMMENT_MAX) throw new VitrinaError('VITRINA_ERR_VALIDATION', `A comment is at most ${SURVEY_COMMENT_MAX} characters.`);
    const at = this.now().toISOString();
    return this.db.transaction(async (tx) => {
      const s = await this.repo.settings(tx);
      if (!s.enabled) throw new VitrinaError('VITRINA_ERR_SURVEY_NOT_DUE');
      const known = new Set(s.reasons.map((r) => r.id));
      const unknown = req.reasons.find((r) => !known.has(r));
      if (unknown !== undefined) throw new VitrinaError('VITRINA_ERR_VALIDATION', `Unknown reason "${unknown}".`);
      if (await this.repo.sessionAnswered(tx, source.sessionId)) throw new VitrinaError('VITRINA_ERR_SURVEY_ALREADY_ANSWERED', 'This session has already answered the survey.');
      const since = this.windowStart(s.intervalDays);
      if (await this.repo.answeredSince(tx, source.customerId, since)) throw new VitrinaError('VITRINA_ERR_SURVEY_ALREADY_ANSWERED');
      // Shown (and skipped) in another session within the interval: this one was not asked.
      if (await this.repo.askedElsewhereSince(tx, source.customerId, since, source.sessionId)) throw new VitrinaError('VITRINA_ERR_SURVEY_NOT_DUE');
      const id = newId('sva');
      await this.repo.insert(tx, {
        id, store_id: this.deps.storeId, kiosk_id: source.kioskId, zone_id: source.zoneId, customer_id: source.customerId, session_id: source.sessionId,
        score: req.score, reasons: JSON.stringify([...new Set(req.reasons)]), comment: req.comment && req.comment.trim() ? req.comment : null,
        at, day: localDateOf(this.deps.timeZone, at),
      });
      return { answered: true as const, answerId: id };
    });
  }

  /** NPS over the store days (today − periodDays, today], with weekly buckets and chip counts. */
  async report(q: { today?: string | undefined; periodDays?: number | undefined } = {}): Promise<NpsReport> {
    const to = q.today ?? this.deps.today();
    if (!isLocalDateNear(to, this.deps.today(), 5)) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'today must be a real day within 5 years of the store\'s today.');
    const periodDays = q.periodDays ?? 90;
    const from = addDays(to, -periodDays + 1);
    const rows = await this.repo.inWindow(from, to);
    const summary = npsOf(rows.map((r) => r.score));
    const scores = Array.from({ length: 11 }, () => 0);
    const chips = new Map<string, number>();
    for (const r of rows) {
      scores[r.score]!++;
      for (const id of JSON.parse(r.reasons) as string[]) chips.set(id, (chips.get(id) ?? 0) + 1);
    }
    const trend: NpsReport['trend'] = [];
    for (let end = to; end >= from; end = addDays(end, -7)) {
      const start = addDays(end, -6) < from ? from : addDays(end, -6);
      const inBucket = rows.filter((r) => r.day >= start && r.day <= end).map((r) => r.score);
      trend.unshift({ from: start, to: end, answers: inBucket.length, nps: npsOf(inBucket).nps });
    }
    return {
      from, to, answers: summary.answers, promoters: summary.promoters, passives: summary.passives, detractors: summary.detractors,
      nps: summary.nps, averageScore: summary.averageScore, scores, trend,
      reasons: [...chips.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id, count]) => ({ id, count })),
    };
  }

  async comments(offset = 0, limit = 20): Promise<SurveyCommentsPage> {
    const [total, rows] = await Promise.all([this.repo.countComments(), this.repo.comments(offset, limit)]);
    return { total, offset, comments: rows.map(viewOf) };
  }

  /** Every answer, oldest first, as a CSV stream read in batches (never who answered). */
  exportCsv(): Readable {
    const repo = this.repo;
    async function* lines() {
      yield csvLine(CSV_COLUMNS);
      let after = { at: '', id: '' };
      for (;;) {
        const rows = await repo.batchAfter(after, EXPORT_BATCH);
        if (rows.length === 0) return;
        yield rows.map((r) => csvLine([r.id, r.at, r.day, r.store_id, r.kiosk_id, r.zone_id, r.score, (JSON.parse(r.reasons) as string[]).join(' '), r.comment])).join('');
        const last = rows[rows.length - 1]!;
        after = { at: last.at, id: last.id };
      }
    }
    return Readable.from(lines());
  }

  /** Right of access: the shopper's own answers. */
  async answersOf(customerId: string): Promise<SurveyAnswerView[]> {
    return (await this.repo.answersOf(customerId)).map(viewOf);
  }

  /** Right of access: when the shopper was shown the survey (answered or skipped). */
  async asksOf(customerId: string): Promise<Array<{ at: string; kioskId: string }>> {
    return (await this.repo.asksOf(customerId)).map((r) => ({ at: r.at, kioskId: r.kiosk_id }));
  }

  /** Erasure, inside the erasure's transaction. */
  forgetCustomerIn(tx: Parameters<SurveysRepository['forgetCustomerIn']>[0], customerId: string) {
    return this.repo.forgetCustomerIn(tx, customerId);
  }

  private windowStart(intervalDays: number) {
    return new Date(this.now().getTime() - intervalDays * DAY_MS).toISOString();
  }
}
