import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MembersImportReport } from '@vitrina/contracts';
import { makeEan13 } from '../../domains/cards/index.js';
import { filesUnder } from '../../test-support/files.js';
import { build, type TestApp } from '../../test-support/build.js';
import { Readable } from 'node:stream';
import { MembersImport } from './import-members.js';
import { MEMBER_COLUMNS } from './member-row.js';

const HEADER = MEMBER_COLUMNS.join(',');
const card = (n: number) => makeEan13('2770', n);

/** A row in header order; fields left out get sensible defaults. */
function row(f: Partial<Record<(typeof MEMBER_COLUMNS)[number], string>>) {
  const d: Record<string, string> = {
    external_id: 'M1', first_name: 'Ana', last_name: 'Smith', birth_date: '1985-04-12', cards: card(1), phone: '', email: '',
    consent_program: '1', consent_marketing: '0', consent_profiling: '1', consent_date: '2024-03-01', consent_text_version: 'terms-2024-01', opening_points: '0',
  };
  return MEMBER_COLUMNS.map((c) => f[c] ?? d[c]).join(',');
}
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

async function upload(t: TestApp, body: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/imports/members', headers: { ...(await t.staffHeaders('admin')), 'content-type': 'text/csv' }, payload: body });
}
async function imported(t: TestApp, body: string): Promise<MembersImportReport> {
  const res = await upload(t, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const count = async (t: TestApp, sql: string) => (await t.services.db.get<{ n: number }>(sql))!.n;

const GOOD = csv(
  row({ external_id: 'M1', first_name: 'Ана', last_name: 'Петрова', cards: `${card(1)};${card(2)}`, phone: '+7 916 123-45-67', email: 'Ana.Petrova@Example.com', opening_points: '1200' }),
  row({ external_id: 'M2', first_name: 'Ben', last_name: 'Okafor', cards: '', phone: '0612345678', consent_marketing: 'yes', consent_profiling: 'no', consent_date: '2023-11-05T10:20:00+01:00' }),
  row({ external_id: 'M3', first_name: 'Cleo', last_name: 'Anders', cards: card(3), opening_points: '' }),
);

describe('members CSV import', () => {
  it('imports members with their cards, phone, e-mail, consents and opening balance, with nothing in clear at rest', async () => {
    const t = await build();
    const report = await imported(t, GOOD);
    expect(report).toMatchObject({ rowsRead: 3, membersImported: 3, membersSkippedExisting: 0, identifiersImported: 6, openingPointsCredited: 1200, rowsRejected: 0, rejected: [] });

    // The keypad finds them by card and by phone, typed the way people type.
    const byPhone = await t.services.cards.recognize('+79161234567', 'keypad');
    const byCard = await t.services.cards.recognize(card(2), 'scanner');
    expect(byPhone.status).toBe('known');
    expect(byCard).toEqual({ status: 'known', customerId: byPhone.status === 'known' ? byPhone.customerId : '', last4: card(2).slice(-4) });
    const ana = byPhone.status === 'known' ? byPhone.customerId : '';

    // The opening balance is one ledger entry, spendable now.
    expect((await t.services.loyalty.balance(ana)).balance).toBe(1200);
    const ledger = await t.services.loyalty.history(ana);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]!.idempotencyKey).toMatch(/^opening:[^:]+:[0-9a-f]{64}$/);

    // Consents with their date, text version and source.
    const profile = (await t.app.inject({ url: `/api/v1/customers/${ana}`, headers: await t.staffHeaders('staff') })).json();
    expect(profile).toMatchObject({ firstName: 'Ана', lastName: 'Петрова', birthDate: '1985-04-12', emails: ['a***@e***.com'] });
    expect(profile.cards.map((c: { kind: string; last4: string }) => `${c.kind}:${c.last4}`).sort()).toEqual([`ean13:${card(1).slice(-4)}`, `ean13:${card(2).slice(-4)}`, 'phone:4567'].sort());
    expect(profile.consentHistory).toEqual([
      { consent: 'program', granted: true, textVersion: 'terms-2024-01', at: '2024-03-01T00:00:00.000Z', source: 'import' },
      { consent: 'marketing', granted: false, textVersion: 'terms-2024-01', at: '2024-03-01T00:00:00.000Z', source: 'import' },
      { consent: 'profiling', granted: true, textVersion: 'terms-2024-01', at: '2024-03-01T00:00:00.000Z', source: 'import' },
    ]);

    // No card number, phone, e-mail or external id in any file of the store.
    await t.services.db.checkpoint();
    for (const file of filesUnder(t.dataDir)) {
      const bytes = readFileSync(file);
      for (const secret of [card(1), card(2), '79161234567', '0612345678', 'ana.petrova@example.com', 'Ana.Petrova']) {
        expect(bytes.includes(Buffer.from(secret)), `${secret} in ${file}`).toBe(false);
      }
    }
  });

  it('imports nothing new and credits no points twice when the same file runs again', async () => {
    const t = await build();
    await imported(t, GOOD);
    const before = { customers: await count(t, 'SELECT COUNT(*) AS n FROM customers'), ledger: await count(t, 'SELECT COUNT(*) AS n FROM points_ledger'), consents: await count(t, 'SELECT COUNT(*) AS n FROM consent_records') };
    const again = await imported(t, GOOD);
    expect(again).toMatchObject({ rowsRead: 3, membersImported: 0, membersSkippedExisting: 3, openingPointsCredited: 0, rowsRejected: 0 });
    expect({ customers: await count(t, 'SELECT COUNT(*) AS n FROM customers'), ledger: await count(t, 'SELECT COUNT(*) AS n FROM points_ledger'), consents: await count(t, 'SELECT COUNT(*) AS n FROM consent_records') }).toEqual(before);
  });

  it('rejects a bad row with a code and its line, writes nothing of it, and imports the others', async () => {
    const t = await build();
    const badCheckDigit = card(10).slice(0, 12) + String((Number(card(10)[12]) + 1) % 10);
    const report = await imported(t, csv(
      row({ external_id: 'OK1', cards: card(11) }),
      row({ external_id: 'BAD-CHECK', cards: `${card(12)};${badCheckDigit}` }),
      row({ external_id: 'DUP-A', cards: card(13) }),
      row({ external_id: 'DUP-B', cards: card(13) }),
      row({ external_id: 'OK1', cards: card(14) }),
      row({ external_id: 'BAD-MAIL', cards: card(15), email: 'not-an-address' }),
      row({ external_id: 'NO-CONSENT', cards: card(16), consent_program: '0' }),
      row({ external_id: 'FUTURE', cards: card(17), birth_date: '2999-01-01' }),
      row({ external_id: 'POINTS', cards: card(18), opening_points: '-5' }),
      row({ external_id: 'NO-ID', cards: '' }),
      `SHORT,Only,Three`,
      row({ external_id: 'OK2', cards: card(19) }),
    ));
    expect(report.membersImported).toBe(3); // OK1, DUP-A, OK2
    expect(report.rejected.map((r) => [r.line, r.externalId, r.code])).toEqual([
      [3, 'BAD-CHECK', 'VITRINA_ERR_CARD_INVALID'],
      [5, 'DUP-B', 'VITRINA_ERR_CONFLICT'],
      [6, 'OK1', 'VITRINA_ERR_CONFLICT'],
      [7, 'BAD-MAIL', 'VITRINA_ERR_VALIDATION'],
      [8, 'NO-CONSENT', 'VITRINA_ERR_CONSENT_REQUIRED'],
      [9, 'FUTURE', 'VITRINA_ERR_VALIDATION'],
      [10, 'POINTS', 'VITRINA_ERR_AMOUNT_OUT_OF_RANGE'],
      [11, 'NO-ID', 'VITRINA_ERR_VALIDATION'],
      [12, 'SHORT', 'VITRINA_ERR_IMPORT_INVALID'],
    ]);
    expect(report.rejected[0]!.reason).toContain('check digit');
    expect(report.rejected[1]!.reason).toContain('line 4');
    // Nothing half-written: the good first card of the bad row and the bad e-mail row's card are not there.
    for (const n of [12, 15]) expect((await t.services.cards.recognize(card(n), 'scanner')).status).toBe('unknown');
    expect(await count(t, 'SELECT COUNT(*) AS n FROM customers')).toBe(3);
  });

  it('rejects a card another member already holds, and reads on past an unreadable record', async () => {
    const t = await build();
    await imported(t, csv(row({ external_id: 'FIRST', cards: card(21), email: 'x@example.org' })));
    const report = await imported(t, csv(
      row({ external_id: 'SECOND', cards: card(21) }),
      row({ external_id: 'THIRD', cards: card(22), email: 'X@Example.org' }),
      row({ external_id: 'HUGE', cards: card(24), first_name: 'x'.repeat(70_000) }),
      row({ external_id: 'FINE', cards: card(25) }),
      `"BROKEN,quote,${card(23)}`,
    ));
    expect(report.membersImported).toBe(1); // FINE
    expect(report.rejected.map((r) => [r.externalId, r.code])).toEqual([
      ['SECOND', 'VITRINA_ERR_CONFLICT'], ['THIRD', 'VITRINA_ERR_CONFLICT'], ['HUGE', 'VITRINA_ERR_VALIDATION'], [null, 'VITRINA_ERR_IMPORT_INVALID'],
    ]);
    expect(report.rejected[3]!.reason).toContain('never closed');
    expect(report.rejected[0]!.reason).toContain(`card ending ${card(21).slice(-4)}`);
    expect(report.rejected[1]!.reason).toContain('x***@e***.org');
  });

  it('refuses a file with missing, unknown or repeated columns as a whole, and writes nothing', async () => {
    const t = await build();
    const missing = [MEMBER_COLUMNS.filter((c) => c !== 'opening_points').join(','), 'M1,Ana,Smith,1985-04-12,,,,1,0,0,2024-01-01,v1'].join('\n');
    const extra = [`${HEADER},loyalty_tier`, `${row({})},gold`].join('\n');
    const repeated = [`${HEADER},email`, `${row({})},`].join('\n');
    for (const [body, words] of [[missing, 'missing column(s): opening_points'], [extra, 'unknown column(s): loyalty_tier'], [repeated, 'repeated column(s): email'], ['', 'empty']] as const) {
      const res = await upload(t, body);
      expect([res.statusCode, res.json().error.code]).toEqual([422, 'VITRINA_ERR_IMPORT_INVALID']);
      expect(res.json().error.message).toContain(words);
    }
    expect(await count(t, 'SELECT COUNT(*) AS n FROM customers')).toBe(0);
  });

  it('accepts the columns in any order, and only admins may import', async () => {
    const t = await build();
    const cols = [...MEMBER_COLUMNS].reverse();
    const values: Record<string, string> = { external_id: 'R1', cards: card(31), consent_program: '1', consent_date: '2024-01-01', consent_text_version: 'v1' };
    const body = [cols.join(','), cols.map((c) => values[c] ?? '').join(',')].join('\n');
    const staff = await t.app.inject({ method: 'POST', url: '/api/v1/imports/members', headers: { ...(await t.staffHeaders('staff')), 'content-type': 'text/csv' }, payload: body });
    expect(staff.statusCode).toBe(403);
    expect(await imported(t, body)).toMatchObject({ membersImported: 1 });
  });

  it('does not bring an erased member back when an old file is imported again', async () => {
    const t = await build();
    await imported(t, GOOD);
    const ben = await t.services.cards.recognize('0612345678', 'keypad');
    if (ben.status !== 'known') throw new Error('Ben should be known');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/customers/${ben.customerId}/erase`, headers: await t.staffHeaders('admin') })).statusCode).toBe(200);
    const again = await imported(t, GOOD);
    expect(again).toMatchObject({ membersImported: 0, membersSkippedExisting: 3 });
    expect((await t.services.cards.recognize('0612345678', 'keypad')).status).toBe('unknown');
  });

  it('when a card is taken between the check and the write, rejects only that row and writes the rest of the batch', async () => {
    const t = await build();
    await imported(t, csv(row({ external_id: 'A', cards: card(40) })));
    const s = t.services;
    // A check that saw the database before a kiosk enrolled card 40: the batch write hits the
    // UNIQUE constraint, and the import falls back to row by row.
    const staleCards = Object.assign(Object.create(s.cards) as typeof s.cards, { existing: async () => new Set<string>() });
    const stale = new MembersImport({ db: s.db, customers: s.customers, cards: staleCards, loyalty: s.loyalty, storeId: 'test' });
    const report = await stale.importCsv(Readable.from([csv(
      row({ external_id: 'C', cards: card(41), opening_points: '50' }),
      row({ external_id: 'B', cards: card(40), opening_points: '70' }),
      row({ external_id: 'D', cards: card(42) }),
    )]));
    expect(report).toMatchObject({ membersImported: 2, openingPointsCredited: 50, rowsRejected: 1 });
    expect(report.rejected).toEqual([{ line: 3, externalId: 'B', code: 'VITRINA_ERR_CONFLICT', reason: expect.stringContaining('during the import') }]);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM customers')).toBe(3);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM points_ledger')).toBe(1);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM consent_records')).toBe(9);
  });
});

describe('phones in a Russian store', () => {
  it('finds a member imported as +7 916 123-45-67 when the kiosk keypad types 89161234567, 79161234567 or 9161234567, and in the console search', async () => {
    const t = await build({ STORE_LOCALE: 'ru-RU', STORE_CURRENCY: 'RUB', STORE_TIME_ZONE: 'Europe/Moscow' });
    const report = await imported(t, csv(row({ external_id: 'RU1', first_name: 'Ольга', phone: '+7 916 123-45-67' })));
    expect(report.membersImported).toBe(1);
    const ids = new Set<string>();
    for (const typed of ['89161234567', '79161234567', '9161234567', '+79161234567']) {
      const r = await t.services.cards.recognize(typed, 'keypad');
      expect(r.status, typed).toBe('known');
      if (r.status === 'known') ids.add(r.customerId);
    }
    expect(ids.size).toBe(1);
    const search = await t.app.inject({ method: 'GET', url: `/api/v1/customers?q=${encodeURIComponent('8 (916) 123-45-67')}`, headers: await t.staffHeaders('admin') });
    expect(search.json().members.map((m: { firstName: string }) => m.firstName)).toEqual(['Ольга']);
    // The same phone written another way on a second member is the same phone: refused, not a second owner.
    const again = await imported(t, csv(row({ external_id: 'RU2', cards: card(2), phone: '89161234567' })));
    expect(again.rejected.map((r) => r.code)).toEqual(['VITRINA_ERR_CONFLICT']);
  });
});
