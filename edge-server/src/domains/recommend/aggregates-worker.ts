/**
 * Worker-thread entry: reads the store's purchase history from SQLite on a read-only connection
 * of its own (one snapshot, grouped by customer: `readHistorySnapshot` of purchases), feeds it
 * to the streaming aggregates builder of @vitrina/models (the accumulator training uses), and
 * posts the finished StoreAggregates back with every typed array transferred, not copied. The
 * server's thread does nothing per row. It lowers its own CPU priority first, so on a 2-core
 * box the scans keep a core. One worker per refresh: its heap is gone when it exits.
 * Started by aggregates-builder.ts.
 */
import { setPriority } from 'node:os';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { StreamingAggregatesBuilder, toTransferable } from '@vitrina/models/features';
import { readHistorySnapshot } from '../purchases/index.js';
import type { FromWorker, WorkerInput } from './aggregates-protocol.js';
import { packItemIds } from './item-index.js';

const port = parentPort!;
const input = workerData as WorkerInput;

try {
  // pid 0 is the calling thread on Linux: only this worker gets nicer, not the server.
  setPriority(0, input.niceness);
} catch {
  // Best effort: some containers refuse priority changes.
}

async function build(): Promise<void> {
  const started = performance.now();
  const builder = new StreamingAggregatesBuilder(input.options);
  let baskets = 0;
  for await (const b of readHistorySnapshot(input.dbFile, input.pageSize)) {
    baskets++;
    // basketId is not used by the aggregates.
    builder.add({ customerId: b.customerId, basketId: '', t: Date.parse(b.at), items: b.productIds });
  }
  const read = performance.now();
  const agg = builder.finish();
  const moved = toTransferable(agg);
  // The id → index map and the id array are not cloned: the server rebuilds them in slices (item-index.ts).
  delete moved.payload.fields.index;
  delete moved.payload.fields.itemIds;
  const reply: FromWorker = {
    type: 'done', payload: moved.payload, itemIds: packItemIds(agg.itemIds), items: agg.itemIds.length,
    readMs: read - started, buildMs: performance.now() - read, baskets, threadId,
  };
  port.postMessage(reply, moved.transfer);
}

build().catch((err: unknown) => {
  const reply: FromWorker = { type: 'failed', message: err instanceof Error ? err.message : String(err) };
  port.postMessage(reply);
});
