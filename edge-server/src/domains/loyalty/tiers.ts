import { addDays, lastOccurrence, nextOccurrence } from '../../shared/calendar.js';

/**
 * Tier status, derived from spend (never stored, so it cannot drift from the receipts):
 * - qualified(d) = the highest tier whose threshold the spend over the rolling window ending
 *   on day d reaches (returns count negatively on their own day);
 * - at each review date R the status resets to qualified(R) (this is where downgrades happen);
 * - between reviews an upgrade holds at once: status(today) = max(qualified(R), qualified(s))
 *   over every purchase day s in (R, today].
 */

export interface Tier {
  id: string;
  name: string;
  thresholdMinor: number;
  multiplierPct: number;
}

export interface DaySpend {
  date: string;
  netMinor: number;
}

export interface TierStatus {
  tier: Tier;
  windowSpendMinor: number;
  next: { tier: Tier; remainingSpendMinor: number } | null;
  reviewOn: string;
}

export const BASE_TIER: Tier = { id: 'member', name: 'Member', thresholdMinor: 0, multiplierPct: 100 };

function sorted(tiers: readonly Tier[]): Tier[] {
  const list = [...tiers].sort((a, b) => a.thresholdMinor - b.thresholdMinor);
  return list.length > 0 && list[0]!.thresholdMinor === 0 ? list : [BASE_TIER, ...list];
}

/** Net spend on days in (day − windowDays, day]. `spends` sorted by date. */
export function windowSpend(spends: readonly DaySpend[], day: string, windowDays: number): number {
  const from = addDays(day, -windowDays + 1);
  let sum = 0;
  for (const s of spends) if (s.date >= from && s.date <= day) sum += s.netMinor;
  return sum;
}

function qualified(list: readonly Tier[], spend: number): number {
  let idx = 0;
  list.forEach((t, i) => { if (spend >= t.thresholdMinor) idx = i; });
  return idx;
}

export function tierStatus(tiers: readonly Tier[], spends: readonly DaySpend[], today: string, windowDays: number, reviewMonthDay: string): TierStatus {
  const list = sorted(tiers);
  const review = lastOccurrence(reviewMonthDay, today);
  let idx = qualified(list, windowSpend(spends, review, windowDays));
  for (const s of spends) {
    if (s.date > review && s.date <= today) idx = Math.max(idx, qualified(list, windowSpend(spends, s.date, windowDays)));
  }
  const current = windowSpend(spends, today, windowDays);
  const nextTier = list[idx + 1];
  return {
    tier: list[idx]!,
    windowSpendMinor: current,
    next: nextTier ? { tier: nextTier, remainingSpendMinor: Math.max(0, nextTier.thresholdMinor - current) } : null,
    reviewOn: nextOccurrence(reviewMonthDay, today),
  };
}
