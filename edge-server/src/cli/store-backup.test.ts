import { describe, expect, it, onTestFinished } from 'vitest';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { build } from '../test-support/build.js';
import { sale, seedLoyaltyStore } from '../test-support/loyalty-store.js';
import { composeServices } from '../compose.js';
import { loadConfig } from '../platform/config/load.js';
import { loadSecret } from '../platform/config/secret.js';
import { Database } from '../platform/db/database.js';
import { checkDatabaseFile } from '../platform/db/backup.js';
import { backupStore, restoreStore, RestoreRefused, verifyBackup } from './store-backup.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TODAY = '2026-06-10';

function tempDir(prefix = 'vitrina-bk-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A loyalty store as a real install has it: the secret in DATA_DIR/secret. */
async function store(members = 6) {
  const t = await build({ STORE_TIME_ZONE: 'America/New_York' });
  const seeded = await seedLoyaltyStore(t.services, members);
  writeFileSync(join(t.dataDir, 'secret'), `${t.secret}\n`, { mode: 0o600 });
  return { ...t, ...seeded };
}

const count = async (db: Pick<Database, 'get'>, table: 'receipts' | 'receipt_lines' | 'points_ledger') =>
  (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n;

describe('backup while the till writes, then restore into a fresh data folder', () => {
  it('restores whole receipts up to the backup point, balances equal to their ledger, and the secret', async () => {
    const t = await store(6);
    // History first, so that the snapshot has pages to copy while the tills keep posting.
    const history = await t.services.receipts.postMany(Array.from({ length: 400 }, (_, i) => sale(t.cards[i % 6], [['p-milk', 1, 349], ['p-bread', 2, 450]])));
    const earnedBy = new Map<string, number>();
    for (const r of history) if ('points' in r && r.customerId) earnedBy.set(r.customerId, (earnedBy.get(r.customerId) ?? 0) + r.points.earned);

    // Four tills posting without pause; `committed` is in commit order (writes are serialized).
    const committed: Array<{ receiptId: string; customerId: string; lines: number; earned: number }> = [];
    let open = true;
    const till = async (k: number) => {
      for (let i = 0; open; i++) {
        const lines: Array<[string, number, number]> = [['p-coffee', 1, 1299], ['p-apples', 1 + (i % 3), 399], ...(k % 2 ? [['p-tv', 1, 49_999] as [string, number, number]] : [])];
        const r = await t.services.receipts.post(sale(t.cards[(k + i) % 6], lines));
        committed.push({ receiptId: r.receiptId, customerId: r.customerId!, lines: lines.length, earned: r.points.earned });
      }
    };
    const tills = [0, 1, 2, 3].map(till);
    while (committed.length < 30) await new Promise((r) => setTimeout(r, 2));
    const dest = join(tempDir(), 'nightly');
    const before = committed.length;
    const backup = await backupStore({ dataDir: t.dataDir, dest });
    const after = committed.length;
    while (committed.length < after + 30) await new Promise((r) => setTimeout(r, 2));
    open = false;
    await Promise.all(tills);
    expect(after).toBeGreaterThan(before); // receipts committed while the snapshot was taken

    expect(backup.manifest.files.map((f) => f.name)).toEqual(['vitrina.sqlite', 'secret']);
    expect(backup.manifest.secret).toBe('file');
    expect(statSync(dest).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(dest)) expect(statSync(join(dest, f)).mode & 0o777).toBe(0o600);

    // Restore through the same code path as `npm run restore`, into a folder with no store yet.
    const dataDir = tempDir('vitrina-restored-');
    const restored = await restoreStore({ backupDir: dest, dataDir });
    expect(restored.movedAside).toBeNull();
    expect(restored.placed).toEqual(['vitrina.sqlite', 'secret']);
    expect(restored.check).toEqual({ ok: true, integrity: ['ok'], quick: ['ok'] });
    expect(readFileSync(join(dataDir, 'secret'), 'utf8').trim()).toBe(t.secret);

    const t2 = await build({ DATA_DIR: dataDir, STORE_TIME_ZONE: 'America/New_York' });
    const db = t2.services.db;
    expect(await db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    // Exactly a prefix of the commits: nothing after the snapshot, nothing missing before it.
    const ids = new Set((await db.all<{ id: string }>('SELECT id FROM receipts')).map((r) => r.id));
    const live = committed.filter((c) => ids.has(c.receiptId));
    expect(live.length).toBeGreaterThanOrEqual(before);
    expect(live.length).toBeLessThanOrEqual(after);
    expect(live.map((c) => c.receiptId)).toEqual(committed.slice(0, live.length).map((c) => c.receiptId));
    expect(ids.size).toBe(history.length + live.length);

    // Every receipt whole: its lines and its ledger entry.
    const lines = new Map((await db.all<{ receipt_id: string; n: number }>('SELECT receipt_id, COUNT(*) AS n FROM receipt_lines GROUP BY receipt_id')).map((r) => [r.receipt_id, r.n]));
    const earns = new Map((await db.all<{ receipt_id: string; points: number }>("SELECT receipt_id, points FROM points_ledger WHERE kind = 'earn'")).map((r) => [r.receipt_id, r.points]));
    for (const c of live) {
      expect(lines.get(c.receiptId)).toBe(c.lines);
      expect(earns.get(c.receiptId)).toBe(c.earned);
    }
    for (const r of history) expect(lines.get(r.receiptId)).toBe(2);
    expect(await count(db, 'points_ledger')).toBe(ids.size);

    // Every shopper there, with the balance the ledger and the posted receipts say.
    for (const c of live) earnedBy.set(c.customerId, (earnedBy.get(c.customerId) ?? 0) + c.earned);
    for (const customerId of t.customers) {
      expect((await t2.services.customers.get(customerId)).id).toBe(customerId);
      const ledger = (await db.get<{ s: number }>('SELECT SUM(points) AS s FROM points_ledger WHERE customer_id = ?', [customerId]))!.s;
      const balance = (await t2.services.loyalty.balance(customerId, { today: TODAY })).balance;
      expect(balance).toBe(ledger);
      expect(balance).toBe(earnedBy.get(customerId));
    }

    // A server started the way server.ts starts (secret read from DATA_DIR) recognizes the cards.
    const config = loadConfig({}, { NODE_ENV: 'test', DATA_DIR: dataDir, DEMO_SEED: false, LOG_LEVEL: 'silent' as const, STORE_TIME_ZONE: 'America/New_York' });
    const server = await composeServices({ config, secret: loadSecret(config), log: pino({ level: 'silent' }), background: false });
    onTestFinished(() => server.close());
    expect(await server.cards.recognize(t.cards[2], 'keypad')).toMatchObject({ status: 'known', customerId: t.customers[2] });
  });
});

describe('restore over an existing data folder', () => {
  it('a stale -wal beside the old database no longer corrupts the restored one', async () => {
    const t = await store(3);
    const post = (n: number) => t.services.receipts.postMany(Array.from({ length: n }, (_, i) => sale(t.cards[i % 3], [['p-coffee', 1, 1299], ['p-milk', 2, 349]])));
    await post(200);
    const dest = join(tempDir(), 'b');
    await backupStore({ dataDir: t.dataDir, dest });
    const inBackup = await count(t.services.db, 'receipts');
    // More sales after the backup, after a checkpoint (a long-running server checkpoints all
    // the time): they sit in the -wal, which holds only the pages they changed.
    await t.services.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < 20; i++) await post(5);
    expect(statSync(join(t.dataDir, 'vitrina.sqlite-wal')).size).toBeGreaterThan(0);
    const latest = await count(t.services.db, 'receipts');

    // A data folder as a killed server leaves it: the database and its -wal.
    const crashed = tempDir('vitrina-crashed-');
    for (const f of ['vitrina.sqlite', 'vitrina.sqlite-wal', 'secret']) copyFileSync(join(t.dataDir, f), join(crashed, f));

    // The old way (copy the backup over the file, the -wal stays) replays the -wal onto it.
    const naive = tempDir('vitrina-naive-');
    cpSync(crashed, naive, { recursive: true });
    copyFileSync(join(dest, 'vitrina.sqlite'), join(naive, 'vitrina.sqlite'));
    expect((await checkDatabaseFile(join(naive, 'vitrina.sqlite'))).ok).toBe(false);

    const report = await restoreStore({ backupDir: dest, dataDir: crashed, now: () => new Date('2026-06-11T02:00:00Z') });
    expect(report.movedAside).toEqual({ dir: join(crashed, 'replaced-20260611T020000Z'), files: expect.arrayContaining(['vitrina.sqlite', 'secret']) as string[] });
    expect(readdirSync(crashed).sort()).toEqual(['replaced-20260611T020000Z', 'secret', 'vitrina.sqlite']);

    const t2 = await build({ DATA_DIR: crashed, STORE_TIME_ZONE: 'America/New_York' });
    expect(await t2.services.db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(await count(t2.services.db, 'receipts')).toBe(inBackup);
    expect(await count(t2.services.db, 'receipt_lines')).toBe(inBackup * 2);

    // Nothing lost: the replaced set still opens, with the sales made after the backup.
    const old = await Database.open(join(report.movedAside!.dir, 'vitrina.sqlite'));
    onTestFinished(() => old.close());
    expect(await count(old, 'receipts')).toBe(latest);
  });

  it('refuses while a server has the database open, and changes nothing', async () => {
    const t = await store(2);
    await t.services.receipts.post(sale(t.cards[0], [['p-milk', 1, 349]]));
    const dest = join(tempDir(), 'b');
    await backupStore({ dataDir: t.dataDir, dest });
    const before = readdirSync(t.dataDir).sort();
    await expect(restoreStore({ backupDir: dest, dataDir: t.dataDir })).rejects.toThrow(RestoreRefused);
    await expect(restoreStore({ backupDir: dest, dataDir: t.dataDir })).rejects.toThrow(/open in a running server/);
    expect(readdirSync(t.dataDir).sort()).toEqual(before);
    expect(await count(t.services.db, 'receipts')).toBe(1);
  });

  it('refuses a damaged backup before touching the data folder', async () => {
    const t = await store(2);
    await t.services.receipts.postMany(Array.from({ length: 100 }, () => sale(t.cards[0], [['p-milk', 1, 349]])));
    const dest = join(tempDir(), 'b');
    await backupStore({ dataDir: t.dataDir, dest });
    expect((await verifyBackup({ backupDir: dest })).check.ok).toBe(true);

    const target = tempDir('vitrina-target-');
    writeFileSync(join(target, 'vitrina.sqlite-wal'), 'left over');
    const bytes = readFileSync(join(dest, 'vitrina.sqlite'));
    bytes.fill(0x5a, 4096 * 2, 4096 * 2 + 3000);
    writeFileSync(join(dest, 'vitrina.sqlite'), bytes);
    await expect(restoreStore({ backupDir: dest, dataDir: target })).rejects.toThrow(/differs from the manifest/);
    await expect(verifyBackup({ backupDir: dest })).rejects.toThrow(/differs from the manifest/);
    // Without the manifest, the integrity check still catches it.
    rmSync(join(dest, 'manifest.json'));
    await expect(restoreStore({ backupDir: dest, dataDir: target })).rejects.toThrow(/integrity check/);
    expect(readdirSync(target)).toEqual(['vitrina.sqlite-wal']);
  });
});

describe('npm run backup / npm run restore', () => {
  const tsx = (script: string, args: string[], dataDir: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', `edge-server/src/cli/${script}`, ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test' }, encoding: 'utf8' });

  it('back up a running store, refuse to restore over it, restore into another folder, check a backup', async () => {
    const t = await store(2);
    await t.services.receipts.post(sale(t.cards[1], [['p-coffee', 1, 1299]]));
    const dest = join(tempDir(), 'b');
    const backup = tsx('backup.ts', [dest], t.dataDir);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/^backup written to .*integrity_check ok/);
    expect(existsSync(join(dest, 'manifest.json'))).toBe(true);

    const refused = tsx('restore.ts', [dest], t.dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^restore refused: .*open in a running server/);

    const other = tempDir('vitrina-cli-');
    const restore = tsx('restore.ts', [dest], other);
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/placed: vitrina\.sqlite, secret/);
    expect(restore.stdout).toMatch(/integrity_check ok, quick_check ok/);

    const check = tsx('restore.ts', ['--check', dest], other);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/restorable/);
  }, 120_000); // four processes, each loading tsx and the server's modules
});
