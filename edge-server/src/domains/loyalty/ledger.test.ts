import { describe, expect, it } from 'vitest';
import { expiringWithin, replay, type LedgerEntry } from './ledger.js';

let id = 0;
function e(kind: LedgerEntry['kind'], points: number, localDate: string, extra: Partial<LedgerEntry> = {}): LedgerEntry {
  return { id: ++id, kind, points, localDate, availableOn: null, expiresOn: null, lotId: null, ...extra };
}

describe('points ledger replay', () => {
  it('consumes the oldest-expiring lot first (FIFO)', () => {
    const a = e('earn', 100, '2026-01-01', { expiresOn: '2026-06-30' });
    const b = e('earn', 50, '2026-02-01', { expiresOn: '2026-03-31' });
    const r = e('redeem', -70, '2026-02-10');
    const s = replay([a, b, r], '2026-02-10');
    expect(s.balance).toBe(80);
    // b expires first, so it is emptied first; 20 more come out of a.
    expect(s.lots.map((l) => [l.id, l.remaining])).toEqual([[a.id, 80]]);
  });

  it('keeps points valid through their last day and lapses them the day after', () => {
    const a = e('earn', 100, '2026-01-01', { expiresOn: '2026-03-08' });
    expect(replay([a], '2026-03-08').balance).toBe(100);
    const after = replay([a], '2026-03-09');
    expect(after.balance).toBe(0);
    expect(after.lapsed.map((l) => l.remaining)).toEqual([100]);
    expect(expiringWithin(replay([a], '2026-03-01'), '2026-03-01', '2026-03-10')).toEqual({ points: 100, byDate: [{ date: '2026-03-08', points: 100 }] });
  });

  it('does not let pending points be spent before their day', () => {
    const a = e('earn', 100, '2026-01-01', { availableOn: '2026-01-15', expiresOn: '2026-12-31' });
    const s = replay([a], '2026-01-10');
    expect(s).toMatchObject({ balance: 0, pending: 100 });
    expect(replay([a], '2026-01-15')).toMatchObject({ balance: 100, pending: 0 });
  });

  it('reverses from the named award first, then other lots, then runs a debt', () => {
    const a = e('earn', 100, '2026-01-01', { expiresOn: '2026-12-31' });
    const b = e('earn', 40, '2026-01-02', { expiresOn: '2026-12-31' });
    const spend = e('redeem', -120, '2026-01-03'); // a emptied, b left with 20
    const rev = e('reverse', -40, '2026-01-04', { lotId: b.id }); // b gives its 20, 20 become debt
    const s = replay([a, b, spend, rev], '2026-01-04');
    expect(s).toMatchObject({ balance: -20, debt: 20 });
    const c = e('earn', 30, '2026-01-05', { expiresOn: '2026-12-31' });
    expect(replay([a, b, spend, rev, c], '2026-01-05')).toMatchObject({ balance: 10, debt: 0 });
  });

  it('an expire entry empties its lot, and a restore is a new lot', () => {
    const a = e('earn', 100, '2026-01-01', { expiresOn: '2026-01-31' });
    const x = e('expire', -100, '2026-02-01', { lotId: a.id });
    const r = e('restore', 25, '2026-02-02', { expiresOn: '2027-02-02' });
    const s = replay([a, x, r], '2026-02-02');
    expect(s.balance).toBe(25);
    expect(s.lapsed).toEqual([]);
  });
});
