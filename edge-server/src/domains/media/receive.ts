import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { SNIFF_BYTES, sniffType, type MediaMime } from './sniff.js';

export interface Received {
  /** The temp file holding the whole upload (the caller renames or deletes it). */
  temp: string;
  bytes: number;
  sha256: string;
  mime: MediaMime;
}

/**
 * Streams an upload into a temp file while hashing and counting it. The first bytes decide the
 * type (by content) and so the size limit; `accept` may refuse the type before anything is
 * written. Over the limit, the stream is abandoned at once and the temp file deleted: nothing
 * half-written is ever left, and a 5 GB body never reaches the disk past the limit.
 */
export async function receiveUpload(
  source: AsyncIterable<Buffer>,
  opts: { tmpDir: string; limitOf: (mime: MediaMime) => number; accept: (mime: MediaMime | null) => MediaMime },
): Promise<Received> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    return await receive(iterator, opts);
  } catch (err) {
    // Stop pulling the body (the route also closes the connection): the rest is never read.
    await iterator.return?.().catch(() => undefined);
    throw err;
  }
}

async function receive(
  iterator: AsyncIterator<Buffer>,
  opts: { tmpDir: string; limitOf: (mime: MediaMime) => number; accept: (mime: MediaMime | null) => MediaMime },
): Promise<Received> {
  const headChunks: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    headChunks.push(next.value);
    headBytes += next.value.length;
  }
  if (headBytes === 0) throw new VitrinaError('VITRINA_ERR_MEDIA_EMPTY', 'The file is empty (0 bytes).');
  const head = Buffer.concat(headChunks);
  const mime = opts.accept(await sniffType(head));
  const limit = opts.limitOf(mime);
  const tooLarge = () => new VitrinaError('VITRINA_ERR_MEDIA_TOO_LARGE', `The file is larger than the ${Math.round(limit / 1_000_000)} MB limit for ${mime}.`);
  if (head.length > limit) throw tooLarge();

  await mkdir(opts.tmpDir, { recursive: true });
  const temp = join(opts.tmpDir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  const fh = await open(temp, 'wx', 0o600);
  let bytes = 0;
  let ok = false;
  try {
    const write = async (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) throw tooLarge();
      hash.update(chunk);
      await fh.write(chunk);
    };
    await write(head);
    while (!ended) {
      const next = await iterator.next();
      if (next.done) break;
      await write(next.value);
    }
    ok = true;
  } finally {
    await fh.close();
    if (!ok) await unlink(temp).catch(() => undefined);
  }
  return { temp, bytes, sha256: hash.digest('hex'), mime };
}
