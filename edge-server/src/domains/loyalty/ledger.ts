/**
 * The points balance, derived by replaying the append-only ledger. Nothing here writes.
 *
 * Credits (earn, restore, positive adjust) are lots, each with the day it becomes spendable
 * (pending period) and its last valid day. Debits consume lots oldest-expiry first (FIFO);
 * a reversal takes back from the lot it names first. A lot is valid through the end of its
 * last valid day in the store's time zone; after that its remainder is lapsed (an `expire`
 * entry materializes it, but the balance never waits for that sweep).
 *
 * If a refund reverses points that were already spent, the shortfall becomes a debt that the
 * next credits pay off first; the balance shown is then negative and redemptions are refused.
 */

export type LedgerKind = 'earn' | 'redeem' | 'expire' | 'reverse' | 'restore' | 'adjust';

export interface LedgerEntry {
  id: number;
  kind: LedgerKind;
  /** Signed: credits > 0, debits < 0. */
  points: number;
  /** Store-local day of the entry. */
  localDate: string;
  availableOn: string | null;
  expiresOn: string | null;
  lotId: number | null;
}

export interface Lot {
  id: number;
  kind: LedgerKind;
  original: number;
  remaining: number;
  availableOn: string;
  expiresOn: string;
}

export interface PointsState {
  /** Spendable now: available lots minus debt (negative when a debt exceeds them). */
  balance: number;
  /** Points awarded but still in their pending period. */
  pending: number;
  debt: number;
  /** Lots with points left, not lapsed at `today`, oldest expiry first. */
  lots: Lot[];
  /** Lots past their last valid day with points left (the expiry sweep writes these). */
  lapsed: Lot[];
}

const FAR_FUTURE = '9999-12-31';

function isCredit(e: LedgerEntry) {
  return e.points > 0;
}

function spendable(lot: Lot, day: string) {
  return lot.remaining > 0 && lot.availableOn <= day && lot.expiresOn >= day;
}

function fifo(a: Lot, b: Lot) {
  return a.expiresOn < b.expiresOn ? -1 : a.expiresOn > b.expiresOn ? 1 : a.id - b.id;
}

/** Takes up to `amount` from lots matching `pick`, oldest expiry first; returns what is left. */
function consume(lots: Lot[], amount: number, pick: (l: Lot) => boolean): number {
  let left = amount;
  for (const lot of lots.filter(pick).sort(fifo)) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    lot.remaining -= take;
    left -= take;
  }
  return left;
}

/** Replays entries (in ledger order: store time, then id) and reports the state at `today`. */
export function replay(entries: readonly LedgerEntry[], today: string): PointsState {
  const lots: Lot[] = [];
  const byId = new Map<number, Lot>();
  let debt = 0;
  for (const e of entries) {
    const day = e.localDate;
    if (isCredit(e)) {
      const lot: Lot = { id: e.id, kind: e.kind, original: e.points, remaining: e.points, availableOn: e.availableOn ?? day, expiresOn: e.expiresOn ?? FAR_FUTURE };
      const paid = Math.min(debt, lot.remaining);
      lot.remaining -= paid;
      debt -= paid;
      lots.push(lot);
      byId.set(e.id, lot);
      continue;
    }
    let amount = -e.points;
    if (e.kind === 'expire') {
      const lot = e.lotId !== null ? byId.get(e.lotId) : undefined;
      if (lot) lot.remaining = Math.max(0, lot.remaining - amount);
      continue;
    }
    if (e.kind === 'reverse' && e.lotId !== null) {
      const lot = byId.get(e.lotId);
      // The award being reversed gives back first, pending or not, unless it has lapsed.
      if (lot && lot.expiresOn >= day) {
        const take = Math.min(lot.remaining, amount);
        lot.remaining -= take;
        amount -= take;
      }
      amount = consume(lots, amount, (l) => spendable(l, day));
      amount = consume(lots, amount, (l) => l.remaining > 0 && l.expiresOn >= day);
    } else {
      amount = consume(lots, amount, (l) => spendable(l, day));
    }
    debt += amount;
  }
  const live = lots.filter((l) => l.remaining > 0 && l.expiresOn >= today).sort(fifo);
  const available = live.filter((l) => l.availableOn <= today).reduce((s, l) => s + l.remaining, 0);
  const pending = live.filter((l) => l.availableOn > today).reduce((s, l) => s + l.remaining, 0);
  const lapsed = lots.filter((l) => l.remaining > 0 && l.expiresOn < today);
  return { balance: available - debt, pending, debt, lots: live, lapsed };
}

/** Points whose last valid day falls within the next `days` days (today included). */
export function expiringWithin(state: PointsState, today: string, lastDay: string): { points: number; byDate: Array<{ date: string; points: number }> } {
  const byDate = new Map<string, number>();
  for (const l of state.lots) {
    if (l.expiresOn >= today && l.expiresOn <= lastDay) byDate.set(l.expiresOn, (byDate.get(l.expiresOn) ?? 0) + l.remaining);
  }
  const list = [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, points]) => ({ date, points }));
  // A debt is paid from the oldest lots first, so it reduces what can still expire.
  let debt = state.debt;
  for (const item of list) {
    const paid = Math.min(debt, item.points);
    item.points -= paid;
    debt -= paid;
  }
  const kept = list.filter((i) => i.points > 0);
  return { points: kept.reduce((s, i) => s + i.points, 0), byDate: kept };
}
