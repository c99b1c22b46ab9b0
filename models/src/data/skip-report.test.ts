import { describe, expect, it } from 'vitest';
import { nothingLeftMessage, skipLines } from './skip-report.js';

describe('skip report', () => {
  it('gives one line per reason, most frequent first, each with its count, an example and a hint where useful', () => {
    const lines = skipLines(
      { bad_time: 856252, missing_item_id: 2, customer_fewer_than_3_baskets: 40, non_positive_quantity: 3, bad_quantity: 1, bad_price: 1, missing_customer_id: 1, missing_basket_id: 1, odd_reason: 1 },
      { bad_time: '20070320+13', missing_item_id: 'c1,b6,2024-01-05,', customer_fewer_than_3_baskets: 'c9 (2 baskets)', non_positive_quantity: '-1', bad_quantity: 'abc', bad_price: 'cheap', missing_customer_id: ',b2,1,milk', missing_basket_id: 'c1,,1,milk' },
    );
    expect(lines[0]).toBe("856,252 rows skipped: unparsable time, e.g. '20070320+13' — use ISO-8601 (2007-03-20T13:05:00Z), YYYY-MM-DD HH:MM:SS, YYYY-MM-DD, YYYYMMDD-HH[MM[SS]], or epoch seconds / ms");
    expect(lines[1]).toBe("40 customers skipped: fewer than 3 baskets (after dropping items seen fewer than 3 times), e.g. 'c9 (2 baskets)'");
    expect(lines[2]).toBe("3 rows skipped: quantity ≤ 0 (returns, voids), e.g. '-1'");
    expect(lines[3]).toBe("2 rows skipped: no item_id, e.g. 'c1,b6,2024-01-05,'");
    expect(lines).toContain("1 rows skipped: quantity not a number, e.g. 'abc'");
    expect(lines).toContain("1 rows skipped: price not a number, e.g. 'cheap'");
    expect(lines).toContain("1 rows skipped: no customer_id, e.g. ',b2,1,milk'");
    expect(lines).toContain("1 rows skipped: no basket_id, e.g. 'c1,,1,milk'");
    expect(lines).toContain('1 rows skipped: odd reason');
  });

  it('says in one line why nothing is left: every row skipped, no rows at all, or too few customers', () => {
    expect(nothingLeftMessage('input:x.csv', 856252, 0, { bad_time: 856252 }, { bad_time: '2007.03.20' }, 0, 7)).toBe(
      "input:x.csv: nothing left to evaluate — 856,252 rows skipped: unparsable time, e.g. '2007.03.20' — use ISO-8601 (2007-03-20T13:05:00Z), YYYY-MM-DD HH:MM:SS, YYYY-MM-DD, YYYYMMDD-HH[MM[SS]], or epoch seconds / ms",
    );
    expect(nothingLeftMessage('db:s.sqlite', 0, 0, {}, {}, 0, 7)).toBe('db:s.sqlite: no purchase rows to use (0 rows read)');
    expect(nothingLeftMessage('input:y.csv', 30, 12, { customer_fewer_than_3_baskets: 4 }, { customer_fewer_than_3_baskets: 'c1 (2 baskets)' }, 2, 7)).toBe(
      "input:y.csv: only 2 customer(s) with 3+ baskets, at least 7 needed to split users 72/8/20 into train, validation and test (4 customers skipped: fewer than 3 baskets (after dropping items seen fewer than 3 times), e.g. 'c1 (2 baskets)')",
    );
  });
});
