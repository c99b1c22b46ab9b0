/**
 * Migration 020 rebuilds chain_outbox (to allow the `erasure` kind): on a store that was already
 * on the chain, pending and sent rows keep their seq and state, the seq keeps growing after them,
 * the 013 triggers still fire, and an erasure writes its row in the erasure's own transaction.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../platform/db/database.js';
import { listMigrations, migrate } from '../../platform/db/migrate.js';

describe('migration 020 (chain_outbox with erasures)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-outbox-020-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the outbox of a chain store and adds the erasure trigger', async () => {
    const db = await Database.open(join(dir, 'store.sqlite'));
    const all = listMigrations();
    await migrate(db, all.filter((m) => m.version < 20));
    const now = new Date().toISOString();
    await db.run('UPDATE chain_settings SET enabled = 1 WHERE id = 1');
    await db.run("INSERT INTO customers (id, first_name, birth_date, enrolled_at, consent_program, consent_marketing, consent_profiling, consents_updated_at) VALUES ('cust-9', 'N', '1990-01-01', ?, 1, 1, 1, ?)", [now, now]);
    await db.run("INSERT INTO chain_outbox (kind, ref, sent_at) VALUES ('receipts', 'r-sent', ?)", [now]);
    await db.run("INSERT INTO chain_outbox (kind, ref) VALUES ('receipts', 'r-pending')");
    const before = await db.all('SELECT seq, kind, ref, sent_at IS NOT NULL AS sent FROM chain_outbox ORDER BY seq');

    await migrate(db, all);
    expect(await db.all('SELECT seq, kind, ref, sent_at IS NOT NULL AS sent FROM chain_outbox ORDER BY seq')).toEqual(before);

    // The erasure's row, written by the trigger in the erasure's transaction, after the others.
    await db.transaction((tx) => tx.run("UPDATE customers SET erased_at = ? WHERE id = 'cust-9'", [now]));
    // Setting it again (an erasure is once) adds nothing.
    await db.run("UPDATE customers SET erased_at = ? WHERE id = 'cust-9'", [now]);
    const rows = await db.all<{ seq: number; kind: string; ref: string }>('SELECT seq, kind, ref FROM chain_outbox ORDER BY seq');
    expect(rows.map((r) => [r.kind, r.ref])).toEqual([['receipts', 'r-sent'], ['receipts', 'r-pending'], ['erasure', 'cust-9']]);
    expect(rows[2]!.seq).toBeGreaterThan(rows[1]!.seq);
    // The chain's triggers are back on the tables they watch.
    const triggers = (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'chain_outbox_%' ORDER BY name")).map((t) => t.name);
    expect(triggers).toEqual(['chain_outbox_erasure', 'chain_outbox_events', 'chain_outbox_ledger', 'chain_outbox_pop', 'chain_outbox_receipts', 'chain_outbox_survey']);
    await db.close();
  });
});
