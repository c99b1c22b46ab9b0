import { Type, type Static } from 'typebox';
import { Instant, LocalDate } from './common.js';

/**
 * The one-question survey at the end of a kiosk session (issue 9, item 4): "How likely are you
 * to recommend us?" 0–10, optional reason chips and an optional comment. Payloads of the kiosk
 * events `kiosk:survey-due` / `kiosk:survey-answer`, and the console's NPS report and settings.
 */

/** Longest comment a shopper can leave (kept short: typed on an on-screen keyboard, read by staff). */
export const SURVEY_COMMENT_MAX = 280;
export const SURVEY_REASONS_MAX = 12;

/** A reason chip: a stable id (what is stored) and its label in each kiosk language. */
export const SurveyReason = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,31}$' }),
    labels: Type.Object({ en: Type.String({ minLength: 1, maxLength: 40 }), ru: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type SurveyReason = Static<typeof SurveyReason>;

/** The survey's settings (console, admin): on/off, how often a shopper may be asked, the chips. */
export const SurveySettings = Type.Object(
  {
    enabled: Type.Boolean(),
    /** A shopper who answered is not asked again for this many days. */
    intervalDays: Type.Integer({ minimum: 1, maximum: 365 }),
    reasons: Type.Array(SurveyReason, { maxItems: SURVEY_REASONS_MAX }),
  },
  { additionalProperties: false },
);
export type SurveySettings = Static<typeof SurveySettings>;

/** Kiosk → server when the shopper taps "Done": is this shopper due for the survey? */
export const SurveyDueRequest = Type.Object({ sessionId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
export type SurveyDueRequest = Static<typeof SurveyDueRequest>;

export const SurveyDue = Type.Object({
  due: Type.Boolean(),
  /** The chips to offer (empty when not due). */
  reasons: Type.Array(SurveyReason),
  commentMaxLength: Type.Integer(),
});
export type SurveyDue = Static<typeof SurveyDue>;

export const SurveyAnswerRequest = Type.Object(
  {
    sessionId: Type.String({ minLength: 1, maxLength: 64 }),
    score: Type.Integer({ minimum: 0, maximum: 10 }),
    reasons: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: SURVEY_REASONS_MAX }),
    /** Stored as given (staff screens and the CSV render it safely). */
    comment: Type.Optional(Type.String({ maxLength: SURVEY_COMMENT_MAX })),
  },
  { additionalProperties: false },
);
export type SurveyAnswerRequest = Static<typeof SurveyAnswerRequest>;

export const SurveyAnswerResult = Type.Object({ answered: Type.Literal(true), answerId: Type.String() });
export type SurveyAnswerResult = Static<typeof SurveyAnswerResult>;

/** Report window: `today` (default the store's) and the number of days back (default 90). */
export const SurveyReportQuery = Type.Object(
  { today: Type.Optional(LocalDate), periodDays: Type.Optional(Type.Integer({ minimum: 7, maximum: 730 })) },
  { additionalProperties: false },
);
export type SurveyReportQuery = Static<typeof SurveyReportQuery>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** NPS = % promoters (9–10) − % detractors (0–6), over the answers in the window; null without answers. */
export const NpsReport = Type.Object({
  from: Type.String(),
  to: Type.String(),
  answers: Type.Integer(),
  promoters: Type.Integer(),
  passives: Type.Integer(),
  detractors: Type.Integer(),
  nps: Nullable(Type.Number()),
  averageScore: Nullable(Type.Number()),
  /** Count of each score 0..10 (index = score). */
  scores: Type.Array(Type.Integer(), { minItems: 11, maxItems: 11 }),
  /** Weekly buckets (7 store days each, the last ending `to`), oldest first. */
  trend: Type.Array(Type.Object({ from: Type.String(), to: Type.String(), answers: Type.Integer(), nps: Nullable(Type.Number()) })),
  /** How often each reason chip was picked in the window, most picked first. */
  reasons: Type.Array(Type.Object({ id: Type.String(), count: Type.Integer() })),
});
export type NpsReport = Static<typeof NpsReport>;

export const SurveyCommentsQuery = Type.Object(
  { offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
  { additionalProperties: false },
);
export type SurveyCommentsQuery = Static<typeof SurveyCommentsQuery>;

/** One answer as staff see it: never who answered, only where and when. */
export const SurveyAnswerView = Type.Object({
  id: Type.String(),
  at: Instant,
  day: Type.String(),
  kioskId: Type.String(),
  zoneId: Nullable(Type.String()),
  score: Type.Integer(),
  reasons: Type.Array(Type.String()),
  comment: Nullable(Type.String()),
});
export type SurveyAnswerView = Static<typeof SurveyAnswerView>;

/** Answers with a comment, newest first. */
export const SurveyCommentsPage = Type.Object({ total: Type.Integer(), offset: Type.Integer(), comments: Type.Array(SurveyAnswerView) });
export type SurveyCommentsPage = Static<typeof SurveyCommentsPage>;
