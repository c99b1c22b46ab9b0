import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upSubject, type ChainReceipt, type UpEnvelope, type UpKind } from '@vitrina/contracts';
import type { Database } from '../../../platform/db/database.js';
import { startNatsServer, type NatsServer } from '../../../test-support/hq-nats.js';
import { openHeadOfficeDatabase } from '../database.js';
import { connectHub, ensureChainTopology, type Hub } from '../hub/hub.js';
import { IngestConsumer } from './ingest-consumer.js';
import { IngestRepository } from './ingest-repository.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const at = '2026-11-29T10:00:00.000Z';

function receipt(id: string, customerId: string | null, totalMinor: number): ChainReceipt {
  return {
    receiptId: id, kind: 'sale', customerId, originalReceiptId: null, localDate: '2026-11-29', totalMinor, payableMinor: totalMinor, storeTime: at,
    promotions: [], points: { earned: 5, redeemed: 0, reversed: 0, restored: 0, balanceAfter: 5 },
    lines: [{ lineNo: 1, productId: 'p1', quantity: 2, unitPriceMinor: totalMinor / 2, discountMinor: 0, promoDiscountMinor: 0, netMinor: totalMinor, pointsEarned: 5, pointsRedeemed: 0, originalLineNo: null }],
  };
}
const envelope = (storeId: string, kind: UpKind, localId: string | number, payload: unknown): UpEnvelope => ({ v: 1, storeId, key: `${storeId}:${kind}:${localId}`, kind, occurredAt: at, payload });

describe('head office ingest (real nats-server with JetStream, real SQLite)', () => {
  let nats: NatsServer;
  let hub: Hub;
  let db: Database;
  let dir: string;
  let repo: IngestRepository;
  let consumer: IngestConsumer;

  const publish = async (subject: string, body: unknown, msgID?: string) => {
    const data = typeof body === 'string' ? new TextEncoder().encode(body) : new TextEncoder().encode(JSON.stringify(body));
    return hub.js.publish(subject, data, msgID ? { msgID } : {});
  };
  const send = (env: UpEnvelope, msgID: string = env.key) => publish(upSubject(env.storeId, env.kind), env, msgID);

  beforeAll(async () => {
    nats = await startNatsServer();
    dir = mkdtempSync(join(tmpdir(), 'vitrina-hq-ingest-'));
    db = await openHeadOfficeDatabase(dir);
    repo = new IngestRepository(db);
    hub = await connectHub({ servers: nats.url });
    await ensureChainTopology(hub, [], { direct: true });
    consumer = new IngestConsumer(hub.js, repo, quiet);
    await consumer.start();
  });
  afterAll(async () => {
    await consumer?.stop();
    await hub?.close();
    await db?.close();
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores every kind once, keyed by (store, idempotency key)', async () => {
    await send(envelope('s1', 'receipts', 'r1', receipt('r1', 'c1', 1000)));
    await send(envelope('s1', 'ledger', 1, { entryId: 1, customerId: 'c1', kind: 'earn', points: 5, at, availableOn: null, expiresOn: null, receiptId: 'r1' }));
    await send(envelope('s1', 'events', 7, { eventId: 7, type: 'scan', at, deviceId: 'k1', customerId: 'c1', sessionId: 's', data: { source: 'scanner' } }));
    await send(envelope('s1', 'survey', 'a1', { answerId: 'a1', kioskId: 'k1', zoneId: null, customerId: 'c1', score: 9, reasons: [], comment: 'my phone is 555', at, day: '2026-11-29' }));
    await send(envelope('s1', 'pop', 'p1', { playId: 'p1', screenId: 'sc1', zoneId: 'z1', itemKind: 'offer', itemRef: 'o1', startedAt: at, durationMs: 8000 }));
    await consumer.whenCaughtUp();
    expect(await repo.countsOf('s1')).toEqual({ receipts: 1, ledger: 1, events: 1, survey: 1, pop: 1, ingested: 5 });
    expect(await repo.balancesOf('s1')).toEqual([{ customerId: 'c1', balance: 5 }]);
  });

  it('counts a replay once: inside the dedupe window JetStream drops it, after it the key does', async () => {
    const env = envelope('s1', 'receipts', 'r2', receipt('r2', 'c2', 500));
    const first = await send(env);
    const again = await send(env);
    expect(again.duplicate).toBe(true);
    expect(again.seq).toBe(first.seq);
    // A replay the stream does not catch (another Nats-Msg-Id, as after the window): the key still does.
    await send(env, `${env.key}#replayed-after-window`);
    await consumer.whenCaughtUp();
    expect((await repo.countsOf('s1')).receipts).toBe(2);
    expect(consumer.counters.duplicates).toBe(1);
  });

  it('refuses another store\'s envelope, a malformed body and a bad payload with codes, and keeps consuming', async () => {
    await send({ ...envelope('s2', 'receipts', 'r9', receipt('r9', 'c9', 100)) }, 'forged').catch(() => undefined);
    await publish(upSubject('s1', 'receipts'), envelope('s2', 'receipts', 'r9', receipt('r9', 'c9', 100)), 's1-forges-s2');
    await publish(upSubject('s1', 'events'), '{"v":1,', 'not-json');
    await publish(upSubject('s1', 'ledger'), envelope('s1', 'ledger', 2, { entryId: 'two', customerId: 'c1' }), 'bad-payload');
    await send(envelope('s1', 'receipts', 'r3', receipt('r3', 'c1', 700)));
    await consumer.whenCaughtUp();
    const letters = await repo.deadLetters(10);
    expect(letters.map((l) => l.code).sort()).toEqual(['VITRINA_ERR_CHAIN_MALFORMED', 'VITRINA_ERR_CHAIN_MALFORMED', 'VITRINA_ERR_CHAIN_STORE_MISMATCH']);
    expect(letters.find((l) => l.code === 'VITRINA_ERR_CHAIN_STORE_MISMATCH')).toMatchObject({ storeId: 's1', subject: 'vitrina.up.s1.receipts' });
    // The forged receipt wrote nothing for s2 through s1's subject; s2's own message (on its own subject) is fine.
    expect((await repo.countsOf('s1')).receipts).toBe(3);
    expect((await repo.countsOf('s2')).receipts).toBe(1);
  });

  it('a restarted consumer resumes from its durable position and re-ingests nothing', async () => {
    await consumer.stop();
    const before = await repo.countsOf('s1');
    await send(envelope('s1', 'receipts', 'r4', receipt('r4', 'c1', 300)));
    consumer = new IngestConsumer(hub.js, repo, quiet);
    await consumer.start();
    await consumer.whenCaughtUp();
    expect(await repo.countsOf('s1')).toEqual({ ...before, receipts: before.receipts + 1, ingested: before.ingested + 1 });
    expect(consumer.counters).toMatchObject({ stored: 1, duplicates: 0, refused: 0, retried: 0 });
  });
});
