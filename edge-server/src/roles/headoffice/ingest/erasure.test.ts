/**
 * A store's erasure at head office (real nats-server with JetStream, real SQLite file): what
 * head office holds about `<storeId>:<customerId>` goes, others stay, a replay changes nothing,
 * a message about the shopper arriving after the erasure does not bring them back, and the
 * head-office database file no longer contains the id.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upSubject, type ChainReceipt, type UpEnvelope, type UpKind } from '@vitrina/contracts';
import type { Database } from '../../../platform/db/database.js';
import { startNatsServer, type NatsServer } from '../../../test-support/hq-nats.js';
import { waitFor } from '../../../test-support/chain-cluster.js';
import { headOfficeDatabaseFile, openHeadOfficeDatabase } from '../database.js';
import { connectHub, ensureChainTopology, type Hub } from '../hub/hub.js';
import { IngestConsumer } from './ingest-consumer.js';
import { IngestRepository } from './ingest-repository.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const at = '2026-11-29T10:00:00.000Z';
/** Distinctive ids, so a byte search of the database file means something. */
const ERASED = 'cust-erased-7f3a9e';
const KEPT = 'cust-kept-41c0d2';
const OTHER_STORE = 'cust-s2-95b1aa';

function receipt(id: string, customerId: string | null, totalMinor: number): ChainReceipt {
  return {
    receiptId: id, kind: 'sale', customerId, originalReceiptId: null, localDate: '2026-11-29', totalMinor, payableMinor: totalMinor, storeTime: at,
    lines: [{ lineNo: 1, productId: 'p1', quantity: 1, unitPriceMinor: totalMinor, discountMinor: 0, promoDiscountMinor: 0, netMinor: totalMinor, pointsEarned: 5, pointsRedeemed: 0, originalLineNo: null }],
  };
}
const ledger = (entryId: number, customerId: string) => ({ entryId, customerId, kind: 'earn', points: 5, at, availableOn: null, expiresOn: null, receiptId: null });
const event = (eventId: number, customerId: string | null, data: unknown) => ({ eventId, type: 'scan', at, deviceId: 'k1', customerId, sessionId: null, data });
const envelope = (storeId: string, kind: UpKind, localId: string | number, payload: unknown): UpEnvelope => ({ v: 1, storeId, key: `${storeId}:${kind}:${localId}`, kind, occurredAt: at, payload });

describe('erasure at head office', () => {
  let nats: NatsServer;
  let hub: Hub;
  let db: Database;
  let dir: string;
  let repo: IngestRepository;
  let consumer: IngestConsumer;
  const send = (env: UpEnvelope, msgID: string = env.key) => hub.js.publish(upSubject(env.storeId, env.kind), JSON.stringify(env), { msgID });
  const erasure = (storeId: string, seq: number, customerId: string) => envelope(storeId, 'erasure', `seq-${seq}`, { customerId, erasedAt: at });
  const count = async (sql: string, params: (string | number)[] = []) => (await db.get<{ n: number }>(sql, params))!.n;
  /** Every file of head office's database, searched byte for byte. */
  const filesContain = (needle: string) => ['', '-wal', '-journal'].some((suffix) => {
    const file = headOfficeDatabaseFile(dir) + suffix;
    return existsSync(file) && readFileSync(file).includes(Buffer.from(needle));
  });

  beforeAll(async () => {
    nats = await startNatsServer();
    dir = mkdtempSync(join(tmpdir(), 'vitrina-hq-erasure-'));
    db = await openHeadOfficeDatabase(dir);
    repo = new IngestRepository(db);
    hub = await connectHub({ servers: nats.url });
    await ensureChainTopology(hub, [], { direct: true });
    consumer = new IngestConsumer(hub.js, repo, quiet);
    await consumer.start();

    await send(envelope('s1', 'receipts', 'r1', receipt('r1', ERASED, 1000)));
    await send(envelope('s1', 'receipts', 'r2', receipt('r2', ERASED, 400)));
    await send(envelope('s1', 'receipts', 'r3', receipt('r3', KEPT, 700)));
    await send(envelope('s1', 'ledger', 1, ledger(1, ERASED)));
    await send(envelope('s1', 'ledger', 2, ledger(2, KEPT)));
    await send(envelope('s1', 'events', 1, event(1, ERASED, { source: 'scanner' })));
    await send(envelope('s1', 'events', 2, event(2, null, { referredBy: ERASED })));
    await send(envelope('s1', 'events', 3, event(3, KEPT, { source: 'scanner' })));
    await send(envelope('s1', 'survey', 'a1', { answerId: 'a1', kioskId: 'k1', zoneId: null, customerId: ERASED, score: 9, reasons: ['staff'], comment: null, at, day: '2026-11-29' }));
    // Malformed messages that name the shopper: as a customerId field (blanked when it is kept as a
    // dead letter) and elsewhere in the body (kept until the erasure).
    await hub.js.publish(upSubject('s1', 'ledger'), JSON.stringify(envelope('s1', 'ledger', 9, { entryId: 'nine', customerId: ERASED })), { msgID: 'bad-ledger' });
    await hub.js.publish(upSubject('s1', 'events'), JSON.stringify(envelope('s1', 'events', 9, { eventId: 'nine', note: ERASED })), { msgID: 'bad-event' });
    await send(envelope('s2', 'receipts', 'r1', receipt('r1', OTHER_STORE, 900)));
    await send(envelope('s2', 'ledger', 1, ledger(1, OTHER_STORE)));
    await consumer.whenCaughtUp();
    expect(filesContain(ERASED)).toBe(true);
  });
  afterAll(async () => {
    await consumer?.stop();
    await hub?.close();
    await db?.close();
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('unlinks receipts and events, deletes the ledger, redacts dead letters; other shoppers and stores keep theirs; the record holds no id', async () => {
    await send(erasure('s1', 41, ERASED));
    await consumer.whenCaughtUp();

    expect(await count("SELECT COUNT(*) AS n FROM hq_receipts WHERE store_id = 's1'")).toBe(3); // sales stay
    expect(await count("SELECT COUNT(*) AS n FROM hq_receipts WHERE store_id = 's1' AND customer_ref IS NULL")).toBe(2);
    expect(await count("SELECT COUNT(*) AS n FROM hq_receipt_lines WHERE store_id = 's1'")).toBe(3);
    expect(await db.all("SELECT customer_ref AS c, SUM(points) AS p FROM hq_ledger GROUP BY store_id, customer_ref ORDER BY c")).toEqual([{ c: KEPT, p: 5 }, { c: OTHER_STORE, p: 5 }]);
    expect(await db.all("SELECT event_id AS id, customer_ref AS c, payload_json AS data FROM hq_events WHERE store_id = 's1' ORDER BY event_id")).toEqual([
      { id: 1, c: null, data: '{"source":"scanner"}' },
      { id: 2, c: null, data: '{"erased":true}' },
      { id: 3, c: KEPT, data: '{"source":"scanner"}' },
    ]);
    expect(await count("SELECT COUNT(*) AS n FROM hq_receipts WHERE store_id = 's2' AND customer_ref = ?", [OTHER_STORE])).toBe(1);
    expect((await repo.deadLetters(10)).map((l) => l.code)).toEqual(['VITRINA_ERR_CHAIN_MALFORMED', 'VITRINA_ERR_CHAIN_MALFORMED']);
    expect(await db.all('SELECT body FROM hq_dead_letters ORDER BY id')).toEqual([{ body: expect.stringContaining('"customerId":"(redacted)"') }, { body: '(erased)' }]);
    expect(await repo.erasures('s1')).toEqual([
      { key: 's1:erasure:seq-41', erasedAtStore: at, appliedAt: expect.any(String), receiptsUnlinked: 2, ledgerDeleted: 1, eventsUnlinked: 2, deadLettersRedacted: 1 },
    ]);
    // The privacy scan: no file of head office's database holds the id any more; the others are there.
    expect(filesContain(ERASED)).toBe(false);
    expect(filesContain(KEPT)).toBe(true);
  });

  it('a replayed erasure (past the dedupe window) changes nothing', async () => {
    const before = await db.all('SELECT * FROM hq_erasures');
    const duplicates = consumer.counters.duplicates;
    await send(erasure('s1', 41, ERASED), 'replayed-after-window');
    await consumer.whenCaughtUp();
    expect(consumer.counters.duplicates).toBe(duplicates + 1);
    expect(await db.all('SELECT * FROM hq_erasures')).toEqual(before);
  });

  it('a message about the shopper arriving after the erasure is stored unlinked (ledger: not at all), so it does not bring them back', async () => {
    await send(envelope('s1', 'receipts', 'r-late', receipt('r-late', ERASED, 250)));
    await send(envelope('s1', 'ledger', 7, ledger(7, ERASED)));
    await send(envelope('s1', 'events', 8, event(8, ERASED, { note: ERASED })));
    // The same local id at another store is another shopper: kept.
    await send(envelope('s3', 'receipts', 'r1', receipt('r1', ERASED, 300)));
    await consumer.whenCaughtUp();
    expect(await db.get("SELECT customer_ref AS c, total_minor AS t FROM hq_receipts WHERE store_id = 's1' AND receipt_id = 'r-late'")).toEqual({ c: null, t: 250 });
    expect(await count("SELECT COUNT(*) AS n FROM hq_ledger WHERE store_id = 's1' AND entry_id = 7")).toBe(0);
    expect(await db.get("SELECT customer_ref AS c, payload_json AS data FROM hq_events WHERE store_id = 's1' AND event_id = 8")).toEqual({ c: null, data: '{"erased":true}' });
    expect(await db.get("SELECT customer_ref AS c FROM hq_receipts WHERE store_id = 's3'")).toEqual({ c: ERASED });
    expect(await count("SELECT COUNT(*) AS n FROM hq_ingested WHERE store_id = 's1' AND idempotency_key LIKE ?", [`%${ERASED}%`])).toBe(0);
  });

  it('writes what piled up in one transaction per batch and acks after the commit: a restarted consumer takes a burst in few transactions, each message once', async () => {
    await consumer.stop();
    for (let i = 0; i < 60; i++) await send(envelope('s4', 'receipts', `b${i}`, receipt(`b${i}`, KEPT, 100)));
    consumer = new IngestConsumer(hub.js, repo, quiet);
    await consumer.start();
    await consumer.whenCaughtUp();
    expect(consumer.counters.stored).toBe(60);
    expect(consumer.counters.batches).toBeLessThan(60);
    expect(await count("SELECT COUNT(*) AS n FROM hq_receipts WHERE store_id = 's4'")).toBe(60);
  });

  it('a message that cannot be written does not hold back its batch: the others are stored, it alone is handed back', async () => {
    await consumer.stop();
    const poison = receipt('p-dup', KEPT, 100);
    poison.lines = [poison.lines[0]!, poison.lines[0]!]; // the same line number twice: the lines' key refuses it
    for (let i = 0; i < 10; i++) await send(envelope('s5', 'receipts', `g${i}`, receipt(`g${i}`, KEPT, 100)));
    await send(envelope('s5', 'receipts', 'p-dup', poison));
    for (let i = 10; i < 20; i++) await send(envelope('s5', 'receipts', `g${i}`, receipt(`g${i}`, KEPT, 100)));
    consumer = new IngestConsumer(hub.js, repo, quiet);
    await consumer.start();
    await waitFor('the others stored and the bad one handed back', () => consumer.counters.stored >= 20 && consumer.counters.retried > 0, 30_000, 50);
    expect(consumer.counters.stored).toBe(20);
    expect(consumer.counters.retried).toBeGreaterThan(0);
    expect(await count("SELECT COUNT(*) AS n FROM hq_receipts WHERE store_id = 's5'")).toBe(20);
    expect(await count("SELECT COUNT(*) AS n FROM hq_ingested WHERE store_id = 's5' AND idempotency_key LIKE '%p-dup'")).toBe(0);
  });
});
