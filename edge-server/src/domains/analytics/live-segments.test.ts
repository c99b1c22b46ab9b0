import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { sale, seedLoyaltyStore } from '../../test-support/loyalty-store.js';
import { matches, ruleProblem, type MemberFacts } from './segments/rules.js';

const FACTS: MemberFacts = { spendMinor: 0, sales: 0, daysSinceLast: null, categorySharePct: null, discountSharePct: null, birthMonth: null, rfmClass: null, tierId: null };

describe('segment rules', () => {
  it('match by hand-checked bounds', () => {
    expect(matches({ kind: 'spend', days: 30, minMinor: 1000 }, { ...FACTS, spendMinor: 1000 }, '06')).toBe(true);
    expect(matches({ kind: 'spend', days: 30, minMinor: 1000 }, { ...FACTS, spendMinor: 999 }, '06')).toBe(false);
    expect(matches({ kind: 'frequency', days: 30, min: 2, max: 3 }, { ...FACTS, sales: 4 }, '06')).toBe(false);
    // Never bought: lapsed for any "at least", never recent.
    expect(matches({ kind: 'recency', minDays: 60 }, FACTS, '06')).toBe(true);
    expect(matches({ kind: 'recency', maxDays: 7 }, FACTS, '06')).toBe(false);
    expect(matches({ kind: 'recency', maxDays: 7 }, { ...FACTS, daysSinceLast: 7 }, '06')).toBe(true);
    expect(matches({ kind: 'discount_lover', days: 90, minSharePct: 50 }, { ...FACTS, discountSharePct: 50 }, '06')).toBe(true);
    expect(matches({ kind: 'birthday_month' }, { ...FACTS, birthMonth: '06' }, '06')).toBe(true);
    expect(matches({ kind: 'birthday_month' }, { ...FACTS, birthMonth: '07' }, '06')).toBe(false);
  });

  it('name contradictions the schema cannot see', () => {
    expect(ruleProblem({ kind: 'spend', days: 30 })).toMatch(/bound/);
    expect(ruleProblem({ kind: 'frequency', days: 30, min: 5, max: 2 })).toMatch(/above/);
    expect(ruleProblem({ kind: 'recency', minDays: 10 })).toBeNull();
  });
});

describe('live segments over HTTP', () => {
  async function store() {
    const t = await build({ STORE_TIME_ZONE: 'Europe/Moscow' });
    const { cards, customers } = await seedLoyaltyStore(t.services, 4);
    const headers = await t.staffHeaders('marketer');
    const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    const today = t.services.loyalty.today();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    // cust-1: coffee lover (all coffee), cust-2: bread with a till discount on every line, cust-3: no purchase.
    // cust-4 buys coffee too but refuses profiling: never in a behavioural segment.
    await api('POST', '/api/v1/receipts', sale(cards[0], [['p-coffee', 2, 1299]], { storeTime: yesterday }));
    await api('POST', '/api/v1/receipts', sale(cards[1], [['p-bread', 1, 450, 100], ['p-milk', 1, 349, 50]], { storeTime: yesterday }));
    await api('POST', '/api/v1/receipts', sale(cards[3], [['p-coffee', 1, 1299]], { storeTime: yesterday }));
    await t.services.db.run("UPDATE customers SET consent_profiling = 0 WHERE id = 'cust-4'");
    await t.services.db.run("UPDATE customers SET birth_date = ? WHERE id IN ('cust-3', 'cust-4')", [`1985-${today.slice(5, 7)}-15`]);
    return { t, api, customers, today };
  }

  it('defines, previews and evaluates a segment into the promotions audience, with its size history', async () => {
    const { t, api, today } = await store();
    const coffee = { title: 'Coffee lovers', rules: [{ kind: 'category', category: 'Coffee', days: 30, minSharePct: 50 }] };
    const saved = await api('PUT', '/api/v1/live-segments/coffee-lovers', coffee);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ name: 'coffee-lovers', size: null, evaluatedAt: null });

    expect((await api('POST', '/api/v1/live-segments/preview', { rules: coffee.rules })).json()).toEqual({ size: 1, sample: ['cust-1'] });
    // A preview writes nothing.
    expect(await t.services.db.all('SELECT * FROM segment_members')).toEqual([]);

    expect((await api('POST', '/api/v1/live-segments/coffee-lovers/evaluate')).json()).toEqual({ name: 'coffee-lovers', size: 1, day: today });
    expect([...(await t.services.promotions.segmentsOf(t.services.db, 'cust-1'))]).toEqual(['coffee-lovers']);
    expect((await t.services.promotions.segmentsOf(t.services.db, 'cust-4')).size).toBe(0);
    const sizes = (await api('GET', `/api/v1/live-segments/sizes?from=${today}&to=${today}`)).json();
    expect(sizes.rows).toEqual([{ name: 'coffee-lovers', day: today, size: 1 }]);

    // The nightly pass skips a segment already evaluated today.
    expect(await t.services.liveSegments.evaluateDue()).toEqual([]);

    const members = (await api('GET', '/api/v1/analytics/segments/coffee-lovers/members.csv')).body.trimEnd().split('\r\n');
    expect(members.map((l) => l.split(',')[0])).toEqual(['customer_id', 'cust-1']);

    expect((await api('DELETE', '/api/v1/live-segments/coffee-lovers')).json()).toEqual({ removed: 'coffee-lovers' });
    expect(await t.services.db.all('SELECT * FROM segment_members')).toEqual([]);
    expect((await api('GET', '/api/v1/live-segments')).json()).toEqual([]);
  });

  it('selects discount lovers, spenders, lapsed members and birthdays; birthdays need no profiling consent', async () => {
    const { api } = await store();
    const preview = async (rules: object[]) => (await api('POST', '/api/v1/live-segments/preview', { rules })).json().sample;
    expect(await preview([{ kind: 'discount_lover', days: 30, minSharePct: 100 }])).toEqual(['cust-2']);
    expect(await preview([{ kind: 'spend', days: 30, minMinor: 2000 }])).toEqual(['cust-1']);
    expect(await preview([{ kind: 'frequency', days: 30, min: 1 }])).toEqual(['cust-1', 'cust-2']);
    expect(await preview([{ kind: 'recency', minDays: 30 }])).toEqual(['cust-3']);
    expect(await preview([{ kind: 'birthday_month' }])).toEqual(['cust-3', 'cust-4']);
    expect(await preview([{ kind: 'birthday_month' }, { kind: 'recency', minDays: 30 }])).toEqual(['cust-3']);
    expect(await preview([{ kind: 'tier', tierIds: ['member'] }])).toEqual(['cust-1', 'cust-2', 'cust-3', 'cust-4']);
    expect((await preview([{ kind: 'rfm', classes: ['champions', 'loyal', 'new', 'potential', 'at_risk', 'hibernating', 'lost', 'need_attention'] }]))).toEqual(['cust-1', 'cust-2']);
  });

  it('refuses invalid rules and unknown segments with coded errors and writes nothing', async () => {
    const { t, api } = await store();
    const bad: Array<[object, number, string]> = [
      [{ kind: 'spend', days: 30 }, 422, 'VITRINA_ERR_SEGMENT_RULE_INVALID'],
      [{ kind: 'frequency', days: 30, min: 5, max: 1 }, 422, 'VITRINA_ERR_SEGMENT_RULE_INVALID'],
      [{ kind: 'category', category: 'Caviar', days: 30, minSharePct: 10 }, 422, 'VITRINA_ERR_SEGMENT_RULE_INVALID'],
      [{ kind: 'tier', tierIds: ['platinum'] }, 422, 'VITRINA_ERR_SEGMENT_RULE_INVALID'],
      [{ kind: 'discount_lover', days: 30, minSharePct: 0 }, 400, 'VITRINA_ERR_VALIDATION'],
      [{ kind: 'astrology' }, 400, 'VITRINA_ERR_VALIDATION'],
    ];
    for (const [rule, status, code] of bad) {
      const res = await api('PUT', '/api/v1/live-segments/bad', { title: 'Bad', rules: [rule] });
      expect(res.statusCode, JSON.stringify(rule)).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect(await t.services.db.all('SELECT * FROM live_segments')).toEqual([]);
    for (const [method, url] of [['POST', '/api/v1/live-segments/ghost/evaluate'], ['DELETE', '/api/v1/live-segments/ghost']] as const) {
      const res = await api(method, url);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('VITRINA_ERR_SEGMENT_UNKNOWN');
    }
    expect((await api('GET', '/api/v1/live-segments/sizes?from=2026-06-02&to=2026-06-01')).json().error.code).toBe('VITRINA_ERR_REPORT_PERIOD_INVALID');
  });
});
