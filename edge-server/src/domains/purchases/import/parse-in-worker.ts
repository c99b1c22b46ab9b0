import type { Readable } from 'node:stream';
import { startWorker } from '../../../platform/worker/start-worker.js';
import type { ParsedReceipt } from './imported-receipt.js';
import type { FromParser, ParseWorkerInput, ToParser } from './parse-protocol.js';

const WORKER_FILE = new URL(`./parse-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

export interface Parcel {
  receipts: ParsedReceipt[];
  linesRead: number;
  end: boolean;
}

/** The file's parse in its worker, seen from the server's thread (parse-protocol.ts). */
export interface ReceiptParser {
  /** Asks for the next parcel of at least `lines` file lines; rejects with `InvalidFile` if the file cannot be imported. */
  next(lines: number): Promise<Parcel>;
  /** Stops the worker and the reading of the file. */
  stop(): Promise<void>;
}

export class InvalidFile extends Error {}

/** Starts a parse worker on `input` (the server's thread only moves the file's chunks to it). */
export function parseInWorker(input: Readable, data: ParseWorkerInput): ReceiptParser {
  const worker = startWorker(WORKER_FILE, data);
  const chunks = input[Symbol.asyncIterator]();
  const send = (m: ToParser) => worker.postMessage(m);
  let waiting: { resolve: (p: Parcel) => void; reject: (e: Error) => void } | null = null;
  let failed: Error | null = null;
  const fail = (err: Error) => {
    failed ??= err;
    waiting?.reject(failed);
    waiting = null;
  };
  worker.on('message', (m: FromParser) => {
    if (m.t === 'need') {
      chunks.next().then((r) => send(r.done ? { t: 'eof' } : { t: 'bytes', chunk: r.value as Uint8Array | string }),
        // An upload cut off or a file that cannot be read: the file is unusable, as an unreadable CSV is.
        (err: Error) => fail(new InvalidFile(`The file cannot be read: ${String(err.message).slice(0, 200)}`)));
    } else if (m.t === 'parcel') {
      waiting?.resolve(m);
      waiting = null;
    } else fail(new InvalidFile(m.message));
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('the import parse worker stopped')));
  return {
    next(lines) {
      if (failed) return Promise.reject(failed);
      return new Promise<Parcel>((resolve, reject) => {
        waiting = { resolve, reject };
        send({ t: 'next', lines });
      });
    },
    async stop() {
      input.destroy();
      await worker.terminate();
    },
  };
}
