/**
 * The receipts import's parse worker: CSV parsing and every row's checks, off the server's
 * thread (a 100k-line file is about a second of CPU; on the server's thread it delayed every
 * scan's and till's statements while it ran). See parse-protocol.ts for the conversation.
 */
import { setPriority } from 'node:os';
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'csv-parse';
import type { FromParser, ParseWorkerInput, ToParser } from './parse-protocol.js';
import { InvalidImportFile, ReceiptRows } from './receipt-rows.js';

const port = parentPort!;
const input = workerData as ParseWorkerInput;
/** Nicer than the server's thread: on a 2-core store box, the scans and tills get the CPU first. */
const NICENESS = 10;

try {
  // pid 0 is the calling thread on Linux: only this worker gets nicer, not the server.
  setPriority(0, NICENESS);
} catch {
  // Best effort: some containers refuse priority changes.
}
const setOf = (joined: string) => new Set(joined === '' ? [] : joined.split('\n'));
const rows = new ReceiptRows({ timeZone: input.timeZone, limits: input.limits, knownProducts: setOf(input.knownProducts), activeCustomers: setOf(input.activeCustomers) });
const send = (m: FromParser) => port.postMessage(m);

let wanted: number | null = null;
let onWanted: (() => void) | null = null;
let onBytes: ((m: ToParser) => void) | null = null;
port.on('message', (m: ToParser) => {
  if (m.t === 'next') {
    wanted = m.lines;
    onWanted?.();
  } else onBytes?.(m);
});
const nextWanted = () => new Promise<number>((resolve) => {
  if (wanted !== null) return resolve(wanted);
  onWanted = () => { onWanted = null; resolve(wanted!); };
});

async function* bytes() {
  for (;;) {
    const m = await new Promise<ToParser>((resolve) => { onBytes = resolve; send({ t: 'need' }); });
    if (m.t !== 'bytes') return;
    yield m.chunk;
  }
}

async function run() {
  const parser = Readable.from(bytes()).pipe(parse({ relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }));
  try {
    let want = await nextWanted();
    for await (const record of parser as AsyncIterable<string[]>) {
      rows.add(record);
      if (rows.readyLines >= want) {
        wanted = null;
        send({ t: 'parcel', receipts: rows.take(), linesRead: rows.linesRead, end: false });
        want = await nextWanted();
      }
    }
    rows.end();
    send({ t: 'parcel', receipts: rows.take(), linesRead: rows.linesRead, end: true });
  } catch (e) {
    const message = e instanceof InvalidImportFile ? e.message
      // csv-parse errors (an unclosed quote, …) make the rest of the file unreadable.
      : `The CSV cannot be read after line ${rows.lineNo}: ${(e as Error).message.slice(0, 200)}`;
    send({ t: 'invalid', message });
  }
}

void run();
