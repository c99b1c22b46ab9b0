import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage, StaffWithTemporaryPassword } from '@vitrina/contracts';
import { localDateOf } from '../../shared/calendar.js';
import { build } from '../../test-support/build.js';

const TEMP_PASSWORD = 'Quartz-Meadow-Lantern-91';
const TRIED_PASSWORD = 'Wrong-Guess-Of-Mine-2026';
const PHONE = '+7 912 345-67-89';

describe('the audit log', () => {
  it('records each staff write (who, what, on what, how it ended, before/after), never a read, and never a password or a phone', async () => {
    const t = await build();
    const admin = await t.staffHeaders('admin');
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: admin })).json<{ id: string; username: string }>();
    const count = async () => (await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log'))!.n;
    const list = async (query = '') => (await t.app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers: admin })).json<AuditPage>();

    const created = await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: admin, payload: { username: 'rita', role: 'marketer', temporaryPassword: TEMP_PASSWORD } });
    const rita = created.json<StaffWithTemporaryPassword>().user;
    await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${rita.id}`, headers: admin, payload: { role: 'admin', displayName: 'Rita' } });
    const missing = await t.app.inject({ method: 'PATCH', url: '/api/v1/staff/staff_missing', headers: admin, payload: { role: 'staff' } });
    expect(missing.statusCode).toBe(404);
    const sale = await t.app.inject({
      method: 'POST', url: '/api/v1/receipts', headers: admin,
      payload: { kind: 'sale', receiptId: 'r-audit-1', storeTime: new Date().toISOString(), cardNumber: PHONE, lines: [{ productId: 'p-none', quantity: 1, unitPriceMinor: 100 }] },
    });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: admin, payload: { currentPassword: TRIED_PASSWORD, newPassword: `${TRIED_PASSWORD}-new` } });
    expect(wrong.statusCode).toBe(403);
    expect(await count()).toBe(5);

    // Reads, the log's own included, are not writes.
    await t.app.inject({ method: 'GET', url: '/api/v1/staff', headers: admin });
    await t.app.inject({ method: 'GET', url: `/api/v1/audit/export.csv`, headers: admin });
    const page = await list();
    expect(await count()).toBe(5);

    const [password, receipt, notFound, update, create] = page.entries;
    const who = { userId: me.id, username: me.username };
    expect(create).toMatchObject({ ...who, method: 'POST', routeId: 'staff.create', area: 'staff', path: '/api/v1/staff', targetId: null, status: 201 });
    expect(create!.summary).toBe('username: → "rita"; displayName: → ""; role: → "marketer"; credentials: → "temporary"');
    expect(update).toMatchObject({ ...who, method: 'PATCH', routeId: 'staff.update', path: '/api/v1/staff/:id', targetId: rita.id, status: 200 });
    expect(update!.summary).toBe('displayName: "" → "Rita"; role: "marketer" → "admin"');
    expect(notFound).toMatchObject({ routeId: 'staff.update', targetId: 'staff_missing', status: 404, summary: 'role="staff"' });
    expect(receipt).toMatchObject({ routeId: 'receipts.post', area: 'receipts', status: sale.statusCode });
    expect(receipt!.summary).toContain('cardNumber=[redacted]');
    expect(password).toMatchObject({ routeId: 'auth.changePassword', status: 403, summary: 'currentPassword=[redacted], newPassword=[redacted]' });
    expect(Date.parse(create!.at)).toBeGreaterThan(Date.now() - 60_000);

    // Filters and pages.
    expect((await list('?area=staff')).entries.map((e) => e.routeId)).toEqual(['staff.update', 'staff.update', 'staff.create']);
    expect((await list('?area=staff.create')).entries).toHaveLength(1);
    expect((await list(`?userId=${me.id}`)).entries).toHaveLength(5);
    expect((await list(`?userId=${rita.id}`)).entries).toHaveLength(0);
    const today = localDateOf(t.services.config.STORE_TIME_ZONE, new Date()); // days are the store's
    expect((await list(`?from=${today}&to=${today}`)).entries).toHaveLength(5);
    expect((await list('?to=2000-01-01')).entries).toHaveLength(0);
    expect((await list(`?from=${encodeURIComponent(update!.at)}`)).entries.map((e) => e.id)).toEqual(page.entries.slice(0, 4).map((e) => e.id));
    expect((await list(`?to=${encodeURIComponent(new Date(Date.parse(create!.at) - 1).toISOString())}`)).entries).toHaveLength(0);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/audit?from=yesterday', headers: admin });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VITRINA_ERR_VALIDATION']);
    const first = await list('?limit=2');
    const second = await list(`?limit=2&before=${first.nextBefore}`);
    const third = await list(`?limit=2&before=${second.nextBefore}`);
    expect([...first.entries, ...second.entries, ...third.entries].map((e) => e.id)).toEqual(page.entries.map((e) => e.id));
    expect(third.nextBefore).toBeNull();

    // The CSV: the same rows, oldest first, one column per field.
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/audit/export.csv?area=staff', headers: admin });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="vitrina-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const records = parse(csv.body, { columns: true }) as Array<Record<keyof AuditEntry, string>>;
    expect(records.map((r) => [r.routeId, r.status, r.targetId, r.username])).toEqual([
      ['staff.create', '201', '', me.username],
      ['staff.update', '200', rita.id, me.username],
      ['staff.update', '404', 'staff_missing', me.username],
    ]);
    expect(records[1]!.summary).toBe('displayName: "" → "Rita"; role: "marketer" → "admin"');
    // Only admins read the log.
    const marketer = await t.staffHeaders('marketer');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/export.csv', headers: marketer })).statusCode).toBe(403);

    // Proven on the bytes of the store's files (database and write-ahead log), not through the API.
    const files = readdirSync(t.dataDir).filter((f) => f.startsWith('vitrina.sqlite'));
    expect(files).toContain('vitrina.sqlite');
    const bytes = Buffer.concat(files.map((f) => readFileSync(join(t.dataDir, f))));
    for (const secret of [TEMP_PASSWORD, TRIED_PASSWORD, PHONE, '9123456789', '912 345']) expect(bytes.includes(secret), secret).toBe(false);
    expect(bytes.includes('staff.update')).toBe(true); // the search does see the log
  }, 60_000);
});
