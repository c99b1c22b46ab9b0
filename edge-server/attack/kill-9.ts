/**
 * Probe `kill-9`: the server is killed with SIGKILL (no shutdown hook runs) in the middle of a
 * burst of till receipts, and again in the middle of a large receipts CSV import over HTTP.
 * After each restart it asserts: every receipt the server acknowledged (2xx) is stored exactly
 * once; no receipt is partial (its lines add up to its total); each stored receipt that earned
 * points has exactly one earn row and none has more; `PRAGMA integrity_check` is ok; and the
 * interrupted import, run again, completes exactly (every receipt and line once).
 */
import { CSV_COLUMNS } from '../src/domains/purchases/index.js';
import { demoCardNumber } from '../src/usecases/demo-store/cards.js';
import { api, login, report, sleep, startStore, withDb, type Store } from './harness.js';

const BURST_MS = 2500, IMPORT_RECEIPTS = 20_000, LINES_PER_RECEIPT = 5;

const store = await startStore();
const products = await withDb(store.dataDir, (db) => db.all<{ id: string }>('SELECT id FROM products WHERE active = 1 ORDER BY id LIMIT 50'));
const customers = await withDb(store.dataDir, (db) => db.all<{ id: string }>('SELECT id FROM customers ORDER BY id LIMIT 500'));

/** What a store must look like after any crash: checked over the receipts whose ids start with `prefix`. */
async function consistency(s: Store, prefix: string) {
  return withDb(s.dataDir, async (db) => ({
    integrity: (await db.get<{ integrity_check: string }>('PRAGMA integrity_check'))!.integrity_check,
    receipts: (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM receipts WHERE id LIKE ?', [`${prefix}%`]))!.n,
    lines: (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM receipt_lines WHERE receipt_id LIKE ?', [`${prefix}%`]))!.n,
    partial: (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM receipts r WHERE r.id LIKE ? AND r.total_minor <>
      (SELECT COALESCE(SUM(net_minor), 0) FROM receipt_lines l WHERE l.receipt_id = r.id)`, [`${prefix}%`]))!.n,
    withoutLines: (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM receipts r WHERE r.id LIKE ? AND NOT EXISTS (SELECT 1 FROM receipt_lines l WHERE l.receipt_id = r.id)', [`${prefix}%`]))!.n,
    // A receipt whose stored result says it earned points must have exactly one earn row; none may have two.
    earnMismatch: (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM receipts r WHERE r.id LIKE ? AND
      (SELECT COUNT(*) FROM points_ledger p WHERE p.receipt_id = r.id AND p.kind = 'earn') <> (CASE WHEN COALESCE(json_extract(r.result_json, '$.points.earned'), 0) > 0 THEN 1 ELSE 0 END)`, [`${prefix}%`]))!.n,
    orphanEarns: (await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM points_ledger p WHERE p.kind = 'earn' AND p.receipt_id LIKE ? AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.id = p.receipt_id)", [`${prefix}%`]))!.n,
  }));
}

// 1. A burst of receipts from 8 tills at once; SIGKILL mid-burst.
let admin = await login(store.url, store.demo.admin.username, store.demo.admin.password);
const acked = new Set<string>();
let sent = 0, killed = false;
const till = async (t: number) => {
  for (let i = 0; !killed; i++) {
    const id = `attack-k9-${t}-${i}`;
    sent++;
    const body = {
      kind: 'sale', receiptId: id, storeTime: new Date().toISOString(), cardNumber: demoCardNumber((t * 1000 + i) % 800),
      lines: [1, 2, 3].map((k) => ({ productId: products[(i * k + t) % products.length]!.id, quantity: k, unitPriceMinor: 100 * k + i, discountMinor: k === 2 ? 10 : 0 })),
    };
    const r = await api(store.url, 'POST', '/api/v1/receipts', admin, body).catch(() => null);
    if (r && r.status >= 200 && r.status < 300) acked.add(id);
  }
};
const tills = Array.from({ length: 8 }, (_, t) => till(t));
await sleep(BURST_MS);
store.server.child.kill('SIGKILL');
killed = true;
await Promise.all(tills);
await store.restart();
const afterBurst = await consistency(store, 'attack-k9-');
const ackedMissing = await withDb(store.dataDir, async (db) => {
  let missing = 0;
  for (const id of acked) if (!(await db.get('SELECT 1 AS x FROM receipts WHERE id = ?', [id]))) missing++;
  return missing;
});

// 2. A large receipts CSV over HTTP; SIGKILL while it is being imported; then the same file again.
const rows: string[] = [CSV_COLUMNS.join(',')];
for (let r = 0; r < IMPORT_RECEIPTS; r++) {
  const at = new Date(Date.UTC(2025, 0, 1) + r * 60_000).toISOString();
  const customer = r % 5 === 0 ? '' : customers[r % customers.length]!.id;
  for (let l = 0; l < LINES_PER_RECEIPT; l++) rows.push(`attack-imp-${r},${at},${customer},${products[(r + l) % products.length]!.id},${1 + (l % 3)},${150 + l},${l === 0 ? 5 : 0}`);
}
const csv = `${rows.join('\n')}\n`;
const importCsv = () => fetch(`${store.url}/api/v1/imports/receipts`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' }, body: csv });
admin = await login(store.url, store.demo.admin.username, store.demo.admin.password);
const interrupted = importCsv().then((r) => r.status, () => 'connection lost');
// Kill once the import has written something, so the crash lands inside it.
const killDeadline = Date.now() + 30_000;
let importedAtKill = 0;
while (Date.now() < killDeadline) {
  importedAtKill = (await consistency(store, 'attack-imp-')).receipts;
  if (importedAtKill > 0) break;
  await sleep(50);
}
store.server.child.kill('SIGKILL');
const interruptedStatus = await interrupted;
await store.restart();
const afterImportCrash = await consistency(store, 'attack-imp-');
admin = await login(store.url, store.demo.admin.username, store.demo.admin.password);
const rerun = await importCsv();
const rerunReport = (await rerun.json()) as { receiptsImported: number; receiptsSkippedExisting: number; rowsRejected: number };
const afterRerun = await consistency(store, 'attack-imp-');
await store.close();

const clean = (c: Awaited<ReturnType<typeof consistency>>) => c.integrity === 'ok' && c.partial === 0 && c.withoutLines === 0 && c.earnMismatch === 0 && c.orphanEarns === 0;
const ok = acked.size > 0 && ackedMissing === 0 && clean(afterBurst) && afterBurst.receipts >= acked.size
  && clean(afterImportCrash) && importedAtKill > 0 && afterImportCrash.receipts < IMPORT_RECEIPTS
  && rerun.status === 200 && clean(afterRerun) && afterRerun.receipts === IMPORT_RECEIPTS && afterRerun.lines === IMPORT_RECEIPTS * LINES_PER_RECEIPT
  && rerunReport.receiptsImported + rerunReport.receiptsSkippedExisting === IMPORT_RECEIPTS && rerunReport.rowsRejected === 0;
report('kill-9', ok, {
  receipt_burst: { posted: sent, acknowledged: acked.size, acknowledged_missing: ackedMissing, ...afterBurst },
  import: {
    receipts_in_file: IMPORT_RECEIPTS, lines_in_file: IMPORT_RECEIPTS * LINES_PER_RECEIPT, killed_after_receipts: importedAtKill, interrupted_status: interruptedStatus,
    after_crash: afterImportCrash, rerun: { status: rerun.status, ...rerunReport }, after_rerun: afterRerun,
  },
});
