import type { ErrorCode } from '@vitrina/contracts';
import type { PreparedIdentifier } from '../../domains/cards/index.js';
import { isAcceptedLocalDate } from '../../shared/calendar.js';

/**
 * One row of a members CSV, checked. The header must name exactly these columns (any order):
 *
 *   external_id,first_name,last_name,birth_date,cards,phone,email,
 *   consent_program,consent_marketing,consent_profiling,consent_date,consent_text_version,opening_points
 */
export const MEMBER_COLUMNS = [
  'external_id', 'first_name', 'last_name', 'birth_date', 'cards', 'phone', 'email',
  'consent_program', 'consent_marketing', 'consent_profiling', 'consent_date', 'consent_text_version', 'opening_points',
] as const;
export type MemberColumn = (typeof MEMBER_COLUMNS)[number];

/** Opening balances above this are a unit mistake (minor units of money, not points), not a balance. */
export const MAX_OPENING_POINTS = 10_000_000;
const MAX_CARDS = 10;
const EXTERNAL_ID_RE = /^[\p{L}\p{N}_.:/#-]{1,64}$/u;
const NAME_RE = /^[^\u0000-\u001f\u007f-\u009f]{1,60}$/u;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export interface MemberCandidate {
  line: number;
  externalId: string;
  firstName: string | null;
  lastName: string | null;
  birthDate: string | null;
  identifiers: PreparedIdentifier[];
  consents: { program: boolean; marketing: boolean; profiling: boolean };
  /** When the consents were given (UTC ISO instant). */
  consentAt: string;
  textVersion: string;
  openingPoints: number;
}

export type RowResult = { ok: true; member: MemberCandidate } | { ok: false; code: ErrorCode; reason: string };

/** What a row needs from the cards domain: the identifiers hashed, or why they are not valid. */
export interface IdentifierPreparer {
  prepareCard(raw: string): { ok: true; value: PreparedIdentifier } | { ok: false; code: ErrorCode; message: string };
  preparePhone(raw: string): { ok: true; value: PreparedIdentifier } | { ok: false; code: ErrorCode; message: string };
  prepareEmail(raw: string): { ok: true; value: PreparedIdentifier } | { ok: false; code: ErrorCode; message: string };
}

/** Where each column sits in this file: the header may list them in any order. */
export type ColumnIndex = Record<MemberColumn, number>;

/** Reads the header; a missing, unknown or repeated column is a file error (nothing is imported). */
export function columnIndex(header: readonly string[]): { ok: true; index: ColumnIndex } | { ok: false; reason: string } {
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = MEMBER_COLUMNS.filter((c) => !names.includes(c));
  const extra = names.filter((n) => !(MEMBER_COLUMNS as readonly string[]).includes(n));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  const problems = [
    missing.length > 0 ? `missing column(s): ${missing.join(', ')}` : '',
    extra.length > 0 ? `unknown column(s): ${extra.map((e) => e.slice(0, 40)).join(', ')}` : '',
    repeated.length > 0 ? `repeated column(s): ${repeated.join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length > 0) return { ok: false, reason: `The header must name exactly these columns: ${MEMBER_COLUMNS.join(',')} (${problems.join('; ')})` };
  return { ok: true, index: Object.fromEntries(MEMBER_COLUMNS.map((c) => [c, names.indexOf(c)])) as ColumnIndex };
}

function flag(value: string): boolean | null {
  const v = value.toLowerCase();
  if (v === '1' || v === 'true' || v === 'yes' || v === 'y') return true;
  if (v === '' || v === '0' || v === 'false' || v === 'no' || v === 'n') return false;
  return null;
}

function instantOf(value: string): string | null {
  if (isAcceptedLocalDate(value)) return `${value}T00:00:00.000Z`;
  if (!INSTANT_RE.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * Checks one record against the columns and hashes its identifiers. Says nothing about the
 * database (already imported, a card someone else holds): the importer asks that per batch.
 */
export function readMemberRow(record: readonly string[], index: ColumnIndex, line: number, ids: IdentifierPreparer, now: Date): RowResult {
  const bad = (code: ErrorCode, reason: string): RowResult => ({ ok: false, code, reason });
  if (record.length !== MEMBER_COLUMNS.length) return bad('VITRINA_ERR_IMPORT_INVALID', `expected ${MEMBER_COLUMNS.length} columns, got ${record.length}`);
  const col = (c: MemberColumn) => (record[index[c]] ?? '').trim();

  const externalId = col('external_id');
  if (!EXTERNAL_ID_RE.test(externalId)) return bad('VITRINA_ERR_VALIDATION', 'external_id is missing, longer than 64 characters, or has characters other than letters, digits and _ . : / # -');
  const firstName = col('first_name') || null;
  const lastName = col('last_name') || null;
  if ((firstName && !NAME_RE.test(firstName)) || (lastName && !NAME_RE.test(lastName))) return bad('VITRINA_ERR_VALIDATION', 'first_name and last_name are at most 60 characters, without control characters');
  const birthDate = col('birth_date') || null;
  if (birthDate && (!isRealDate(birthDate) || birthDate > now.toISOString().slice(0, 10))) {
    return bad('VITRINA_ERR_VALIDATION', 'birth_date must be a real date YYYY-MM-DD, not in the future');
  }

  const identifiers: PreparedIdentifier[] = [];
  const seen = new Set<string>();
  const add = (id: PreparedIdentifier) => {
    if (!seen.has(id.hmac)) identifiers.push(id);
    seen.add(id.hmac);
  };
  const cards = col('cards').split(/[;|]/).map((c) => c.trim()).filter(Boolean);
  if (cards.length > MAX_CARDS) return bad('VITRINA_ERR_VALIDATION', `at most ${MAX_CARDS} cards per member`);
  for (const [i, raw] of cards.entries()) {
    const card = ids.prepareCard(raw);
    if (!card.ok) return bad(card.code, `card ${i + 1} of the row: ${card.message}`);
    add(card.value);
  }
  if (col('phone')) {
    const phone = ids.preparePhone(col('phone'));
    if (!phone.ok) return bad(phone.code, `phone: ${phone.message}`);
    add(phone.value);
  }
  if (identifiers.length === 0) return bad('VITRINA_ERR_VALIDATION', 'a member needs at least one card number or a phone number');
  if (col('email')) {
    const email = ids.prepareEmail(col('email'));
    if (!email.ok) return bad(email.code, `email: ${email.message}`);
    add(email.value);
  }

  const program = flag(col('consent_program'));
  const marketing = flag(col('consent_marketing'));
  const profiling = flag(col('consent_profiling'));
  if (program === null || marketing === null || profiling === null) return bad('VITRINA_ERR_VALIDATION', 'consent_program, consent_marketing and consent_profiling are 1 or 0 (or true/false, yes/no)');
  if (!program) return bad('VITRINA_ERR_CONSENT_REQUIRED', 'a member must have consented to the loyalty program (consent_program = 1)');
  const consentAt = instantOf(col('consent_date'));
  if (!consentAt || consentAt > now.toISOString()) return bad('VITRINA_ERR_VALIDATION', 'consent_date must be a date (YYYY-MM-DD) or an ISO-8601 instant, not in the future');
  const textVersion = col('consent_text_version');
  if (!/^[^\u0000-\u001f\u007f]{1,64}$/u.test(textVersion)) return bad('VITRINA_ERR_VALIDATION', 'consent_text_version is required (at most 64 characters): which wording the member agreed to');

  const pointsText = col('opening_points');
  if (pointsText !== '' && !/^\d{1,9}$/.test(pointsText)) return bad('VITRINA_ERR_AMOUNT_OUT_OF_RANGE', 'opening_points must be a whole number of points, 0 or more');
  const openingPoints = pointsText === '' ? 0 : Number(pointsText);
  if (openingPoints > MAX_OPENING_POINTS) return bad('VITRINA_ERR_AMOUNT_OUT_OF_RANGE', `opening_points above ${MAX_OPENING_POINTS.toLocaleString('en')} looks like a mistake`);

  return {
    ok: true,
    member: { line, externalId, firstName, lastName, birthDate, identifiers, consents: { program, marketing, profiling }, consentAt, textVersion, openingPoints },
  };
}

/** A real calendar day (YYYY-MM-DD) from 1900 on: birth dates go further back than the store's other dates. */
function isRealDate(s: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number(m[1]) >= 1900 && d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
