/**
 * Worker-thread entry: receives the store's baskets in chunks from the main thread, builds the
 * StoreAggregates synchronously (seconds of CPU at 100k customers, none of it on the server's
 * event loop) and posts them back with every typed array transferred, not copied.
 * One worker per refresh: its heap is gone when it exits. Started by aggregates-builder.ts.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { StoreAggregates, toTransferable, type AggregateBasket } from '@vitrina/models/features';
import { ITEM_SEPARATOR, type FromWorker, type ToWorker, type WorkerInput } from './aggregates-protocol.js';

const port = parentPort!;
const input = workerData as WorkerInput;
const baskets: AggregateBasket[] = [];

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'baskets') {
    for (let k = 0; k < msg.customers.length; k++) {
      // basketId is not used by the aggregates; the chunk leaves it out to keep the main thread's share small.
      baskets.push({ customerId: msg.customers[k]!, basketId: '', t: Date.parse(msg.at[k]!), items: msg.items[k]!.split(ITEM_SEPARATOR) });
    }
    return;
  }
  const started = performance.now();
  let reply: FromWorker;
  let transfer: ArrayBuffer[] = [];
  try {
    const agg = StoreAggregates.build(baskets, input.options);
    baskets.length = 0;
    const moved = toTransferable(agg);
    transfer = moved.transfer;
    reply = { type: 'done', payload: moved.payload, buildMs: performance.now() - started, threadId };
  } catch (err) {
    reply = { type: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply, transfer);
});
