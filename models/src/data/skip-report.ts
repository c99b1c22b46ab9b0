import { TIME_FORMAT_HINT } from './parse-time.js';
import type { SkipCounts, SkipExamples } from './types.js';

/** What each skip reason means, in words, and what to do about it where that is not obvious. */
const REASONS: Record<string, { what: string; unit: 'rows' | 'customers'; hint?: string }> = {
  bad_time: { what: 'unparsable time', unit: 'rows', hint: TIME_FORMAT_HINT },
  missing_customer_id: { what: 'no customer_id', unit: 'rows' },
  missing_basket_id: { what: 'no basket_id', unit: 'rows' },
  missing_item_id: { what: 'no item_id', unit: 'rows' },
  bad_quantity: { what: 'quantity not a number', unit: 'rows' },
  non_positive_quantity: { what: 'quantity ≤ 0 (returns, voids)', unit: 'rows' },
  bad_price: { what: 'price not a number', unit: 'rows' },
};

function describe(reason: string): { what: string; unit: string; hint?: string } {
  const known = REASONS[reason];
  if (known) return known;
  const fewer = /^customer_fewer_than_(\d+)_baskets$/.exec(reason);
  if (fewer) return { what: `fewer than ${fewer[1]} baskets (after dropping items seen fewer than 3 times)`, unit: 'customers' };
  return { what: reason.replace(/_/g, ' '), unit: 'rows' };
}

const count = (n: number) => n.toLocaleString('en-US');

/** One line per reason, most frequent first: "856,252 rows skipped: unparsable time, e.g. '20070320-13' — use …". */
export function skipLines(skipped: SkipCounts, examples: SkipExamples = {}): string[] {
  return Object.entries(skipped)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason, n]) => {
      const d = describe(reason);
      const example = examples[reason] === undefined ? '' : `, e.g. '${examples[reason]}'`;
      return `${count(n)} ${d.unit} skipped: ${d.what}${example}${d.hint ? ` — ${d.hint}` : ''}`;
    });
}

/**
 * Why nothing (or too little) is left to evaluate or train on, in one line. `kept` is the
 * number of customers with enough baskets, `needed` the fewest the protocol can split.
 */
export function nothingLeftMessage(source: string, rows: number, basketsKept: number, skipped: SkipCounts, examples: SkipExamples, kept: number, needed: number): string {
  const reasons = skipLines(skipped, examples);
  if (basketsKept === 0) {
    if (reasons.length === 0) return `${source}: no purchase rows to use (${count(rows)} rows read)`;
    return `${source}: nothing left to evaluate — ${reasons.join('; ')}`;
  }
  const why = reasons.length ? ` (${reasons.join('; ')})` : '';
  return `${source}: only ${count(kept)} customer(s) with 3+ baskets, at least ${needed} needed to split users 72/8/20 into train, validation and test${why}`;
}
