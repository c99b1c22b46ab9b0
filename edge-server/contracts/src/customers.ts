import { Type, type Static } from 'typebox';
import { ErrorCodeSchema } from './errors.js';
import { LedgerEntryView } from './loyalty.js';

export const Consents = Type.Object(
  { program: Type.Boolean(), marketing: Type.Boolean(), profiling: Type.Boolean() },
  { additionalProperties: false },
);
export type Consents = Static<typeof Consents>;

/** One recorded consent decision: what, granted or withdrawn, under which text version, when, and through what. */
export const ConsentRecordView = Type.Object({
  consent: Type.Union([Type.Literal('program'), Type.Literal('marketing'), Type.Literal('profiling')]),
  granted: Type.Boolean(),
  textVersion: Type.String(),
  at: Type.String(),
  source: Type.Union([Type.Literal('kiosk'), Type.Literal('import'), Type.Literal('console')]),
});
export type ConsentRecordView = Static<typeof ConsentRecordView>;

/** A card or phone number as staff see it: kind (ean13, pan, pattern, phone) and last 4 digits. */
export const CardView = Type.Object({
  kind: Type.String(),
  last4: Type.String(),
  status: Type.String(),
  /** A number the store issued at kiosk enrollment (the shopper had no plastic card). */
  virtual: Type.Optional(Type.Boolean()),
});
export type CardView = Static<typeof CardView>;

export const CustomerProfile = Type.Object({
  id: Type.String(),
  firstName: Type.Union([Type.String(), Type.Null()]),
  lastName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  birthDate: Type.Union([Type.String(), Type.Null()]),
  enrolledAt: Type.String(),
  consents: Consents,
  consentsUpdatedAt: Type.String(),
  /** Last 4 digits of each card and phone (the numbers themselves are never stored). */
  cards: Type.Array(CardView),
  /** Masked e-mail addresses ("a***@e***.com"); the addresses are stored only as HMACs. */
  emails: Type.Optional(Type.Array(Type.String())),
  /** The consent decisions behind `consents`, oldest first. */
  consentHistory: Type.Optional(Type.Array(ConsentRecordView)),
  erasedAt: Type.Union([Type.String(), Type.Null()]),
});
export type CustomerProfile = Static<typeof CustomerProfile>;

/** Right of access: everything the store holds about one customer. */
export const CustomerExport = Type.Object({
  exportedAt: Type.String(),
  profile: CustomerProfile,
  receipts: Type.Array(Type.Object({
    id: Type.String(), kind: Type.String(), storeTime: Type.String(), totalMinor: Type.Integer(),
    lines: Type.Array(Type.Object({ productId: Type.String(), productName: Type.String(), quantity: Type.Integer(), unitPriceMinor: Type.Integer(), discountMinor: Type.Integer() })),
  })),
  clippedOffers: Type.Array(Type.Object({ offerId: Type.String(), clippedAt: Type.String() })),
  loyalty: Type.Object({ pointsBalance: Type.Integer(), tier: Type.String() }),
  events: Type.Array(Type.Object({ type: Type.String(), at: Type.String() })),
  /** Rewards the shopper redeemed with points (domains/rewards). */
  rewardRedemptions: Type.Optional(Type.Array(Type.Object({ rewardId: Type.String(), rewardName: Type.String(), points: Type.Integer(), at: Type.String(), channel: Type.String(), status: Type.String() }))),
  /** The shopper's end-of-session survey answers (domains/surveys). */
  surveyAnswers: Type.Array(Type.Object({ at: Type.String(), kioskId: Type.String(), score: Type.Integer(), reasons: Type.Array(Type.String()), comment: Type.Union([Type.String(), Type.Null()]) })),
  /** When the shopper was shown the survey, answered or skipped (it is not asked again within the interval). */
  surveyAsks: Type.Array(Type.Object({ at: Type.String(), kioskId: Type.String() })),
});
export type CustomerExport = Static<typeof CustomerExport>;

export const EraseResponse = Type.Object({ id: Type.String(), erasedAt: Type.String(), cardsRemoved: Type.Integer() });
export type EraseResponse = Static<typeof EraseResponse>;

/**
 * Member search: `q` is a card number, phone number or e-mail address (exact, through the
 * HMAC) or the start of a first or last name ("ana", "ana sm").
 */
export const MemberSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 128 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type MemberSearchQuery = Static<typeof MemberSearchQuery>;

export const MemberSearchHit = Type.Object({
  id: Type.String(),
  firstName: Type.Union([Type.String(), Type.Null()]),
  lastName: Type.Union([Type.String(), Type.Null()]),
  enrolledAt: Type.String(),
  cards: Type.Array(CardView),
});
export type MemberSearchHit = Static<typeof MemberSearchHit>;

export const MemberSearchResult = Type.Object({
  /** How the term was read: an identifier found through its HMAC, a name prefix, or nothing usable. */
  matchedBy: Type.Union([Type.Literal('identifier'), Type.Literal('name')]),
  members: Type.Array(MemberSearchHit),
});
export type MemberSearchResult = Static<typeof MemberSearchResult>;

export const LedgerPageQuery = Type.Object({
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type LedgerPageQuery = Static<typeof LedgerPageQuery>;

/** One page of a member's points ledger, newest first. */
export const LedgerPage = Type.Object({
  total: Type.Integer(),
  offset: Type.Integer(),
  entries: Type.Array(LedgerEntryView),
});
export type LedgerPage = Static<typeof LedgerPage>;

/** What went wrong with one row of a members import, with a code clients can switch on. */
export const MemberImportRejection = Type.Object({
  line: Type.Integer(),
  externalId: Type.Union([Type.String(), Type.Null()]),
  code: ErrorCodeSchema,
  reason: Type.String(),
});
export type MemberImportRejection = Static<typeof MemberImportRejection>;

export const MembersImportReport = Type.Object({
  rowsRead: Type.Integer(),
  membersImported: Type.Integer(),
  /** Members whose external id was imported before (a re-run): nothing written for them. */
  membersSkippedExisting: Type.Integer(),
  identifiersImported: Type.Integer(),
  openingPointsCredited: Type.Integer(),
  rowsRejected: Type.Integer(),
  /** The first `maxListed` rejected rows (all are counted). */
  rejected: Type.Array(MemberImportRejection),
  seconds: Type.Number(),
  /** Present when the import (a console job) was cancelled: the members counted as imported stay; a re-run skips them and completes the file. */
  cancelled: Type.Optional(Type.Boolean()),
});
export type MembersImportReport = Static<typeof MembersImportReport>;
