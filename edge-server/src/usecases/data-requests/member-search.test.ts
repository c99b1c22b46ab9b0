import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeEan13 } from '../../domains/cards/index.js';
import { filesUnder } from '../../test-support/files.js';
import { build } from '../../test-support/build.js';
import { MEMBER_COLUMNS } from '../members-import/index.js';

const card = (n: number) => makeEan13('2770', n);
const members = [
  MEMBER_COLUMNS.join(','),
  `M1,Ана,Петрова,1985-04-12,${card(1)};${card(2)},+7 916 123-45-67,Ana.Petrova@Example.com,1,1,1,2024-03-01,terms-2024-01,1200`,
  `M2,Anton,Zebulonsky,,${card(3)},,,1,0,0,2024-03-01,terms-2024-01,0`,
  `M3,Bea,Anders,,${card(4)},,bea@example.com,1,0,1,2024-03-01,terms-2024-01,30`,
].join('\n');

async function store() {
  const t = await build();
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/members', headers: { ...(await t.staffHeaders('admin')), 'content-type': 'text/csv' }, payload: members });
  expect(res.json()).toMatchObject({ membersImported: 3 });
  const staff = await t.staffHeaders('staff');
  const search = async (q: string) => {
    const r = await t.app.inject({ url: `/api/v1/customers?q=${encodeURIComponent(q)}`, headers: staff });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { matchedBy: string; members: Array<{ id: string; firstName: string; lastName: string; cards: Array<{ last4: string }> }> };
  };
  return { ...t, staff, search };
}
const names = (r: { members: Array<{ firstName: string }> }) => r.members.map((m) => m.firstName).sort();

describe('member search in the console', () => {
  it('finds a member exactly by card, phone or e-mail through the HMAC, and by name prefix in any script', async () => {
    const t = await store();
    for (const q of [card(2), ` ${card(1).slice(0, 6)} ${card(1).slice(6)} `, '+79161234567', '+7 916 123 45 67', 'ANA.PETROVA@example.com']) {
      expect(await t.search(q), q).toMatchObject({ matchedBy: 'identifier', members: [{ firstName: 'Ана', lastName: 'Петрова' }] });
    }
    // Card numbers are never listed, only recognized: a prefix of a number finds nobody.
    expect(await t.search(card(2).slice(0, 8))).toEqual({ matchedBy: 'identifier', members: [] });
    expect(await t.search('nobody@example.com')).toEqual({ matchedBy: 'identifier', members: [] });

    expect(names(await t.search('ан'))).toEqual(['Ана']); // Cyrillic, any case
    expect(names(await t.search('an'))).toEqual(['Anton', 'Bea']); // first name Anton, last name Anders
    expect(names(await t.search('ANTON zeb'))).toEqual(['Anton']);
    expect((await t.search('zz')).members).toEqual([]);
    const hit = (await t.search('bea')).members[0]!;
    expect(hit.cards).toEqual([{ kind: 'ean13', last4: card(4).slice(-4), status: 'active', virtual: false }]);
  });

  it('opens the member page: profile with e-mail hints, ledger pages newest first; an erased member is found no more', async () => {
    const t = await store();
    const ana = (await t.search(card(1))).members[0]!.id;
    for (const [i, points] of [5, 6, 7].entries()) {
      await t.services.loyalty.adjust(ana, points, `test-${i}`, 'test', `2026-01-0${i + 1}T10:00:00.000Z`);
    }
    const page = await t.app.inject({ url: `/api/v1/customers/${ana}/ledger?offset=1&limit=2`, headers: t.staff });
    // Newest first: the opening balance was credited at import time (today), after the January adjustments.
    expect(page.json()).toMatchObject({ total: 4, offset: 1, entries: [{ points: 7 }, { points: 6 }] });
    const last = await t.app.inject({ url: `/api/v1/customers/${ana}/ledger?offset=3`, headers: t.staff });
    expect(last.json().entries.map((e: { points: number }) => e.points)).toEqual([5]);

    const admin = await t.staffHeaders('admin');
    const exported = await t.app.inject({ url: `/api/v1/customers/${ana}/export`, headers: admin });
    expect(exported.json().profile).toMatchObject({ lastName: 'Петрова', emails: ['a***@e***.com'], consentHistory: expect.arrayContaining([expect.objectContaining({ consent: 'marketing', granted: true, source: 'import' })]) });
    expect(exported.body).not.toContain(card(1));
    expect(exported.body).not.toContain('9161234567');

    const erased = await t.app.inject({ method: 'POST', url: `/api/v1/customers/${ana}/erase`, headers: admin });
    expect(erased.json()).toMatchObject({ cardsRemoved: 3 }); // two cards and the phone
    for (const table of ['cards', 'member_emails', 'consent_records']) {
      expect((await t.services.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE customer_id = ?`, [ana]))!.n, table).toBe(0);
    }
    expect(await t.services.db.get('SELECT first_name, last_name, first_name_key, last_name_key FROM customers WHERE id = ?', [ana])).toEqual({ first_name: null, last_name: null, first_name_key: null, last_name_key: null });
    expect((await t.search('Петр')).members).toEqual([]);
    expect((await t.search('ana.petrova@example.com')).members).toEqual([]);
    expect((await t.search(card(1))).members).toEqual([]);
    for (const file of filesUnder(t.dataDir)) {
      expect(readFileSync(file).includes(Buffer.from('Петрова')), file).toBe(false);
    }
    // The ledger stays for accounting, under the random id.
    expect((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM points_ledger WHERE customer_id = ?', [ana]))!.n).toBe(4);
  });

  it('records a consent change made in the console, and asks for a search term', async () => {
    const t = await store();
    const bea = (await t.search('bea@example.com')).members[0]!.id;
    await t.app.inject({ method: 'PUT', url: `/api/v1/customers/${bea}/consents`, headers: t.staff, payload: { program: true, marketing: true, profiling: false } });
    const profile = (await t.app.inject({ url: `/api/v1/customers/${bea}`, headers: t.staff })).json();
    expect(profile.consentHistory.slice(-3)).toEqual([
      expect.objectContaining({ consent: 'program', granted: true, source: 'console' }),
      expect.objectContaining({ consent: 'marketing', granted: true, source: 'console' }),
      expect.objectContaining({ consent: 'profiling', granted: false, source: 'console' }),
    ]);
    const empty = await t.app.inject({ url: '/api/v1/customers?q=', headers: t.staff });
    expect(empty.statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/customers?q=ana' })).statusCode).toBe(401);
  });

  it('gives names written before the members migration their search keys at boot (SQL lower() folds only ASCII)', async () => {
    const t = await store();
    const now = new Date().toISOString();
    await t.services.db.run("INSERT INTO customers (id, first_name, enrolled_at, consents_updated_at) VALUES ('cust-old-1', 'Зоя', ?, ?), ('cust-old-2', 'Olga', ?, ?)", [now, now, now, now]);
    // What 004_members's backfill leaves for a Cyrillic name: lower() changes nothing.
    await t.services.db.run("UPDATE customers SET first_name_key = lower(first_name) WHERE id = 'cust-old-1'");
    expect((await t.search('зо')).members).toEqual([]);
    expect(await t.services.customers.backfillNameKeys()).toBe(2);
    expect(names(await t.search('зо'))).toEqual(['Зоя']);
    expect(names(await t.search('olg'))).toEqual(['Olga']);
    expect(await t.services.customers.backfillNameKeys()).toBe(0);
  });
});
