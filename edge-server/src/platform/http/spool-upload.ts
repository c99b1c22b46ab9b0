import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { VitrinaError } from '../errors/vitrina-error.js';

/**
 * Stores an upload that a background job will read (console imports): the request ends as soon
 * as the file is on disk. The folder is inside DATA_DIR, owner-only (an upload names shoppers:
 * card numbers, phones), and the job removes its file when it ends. Fastify's bodyLimit does not
 * apply to a body parsed as a stream, so the bytes are counted here: past `maxBytes` nothing is
 * kept and the upload is refused with VITRINA_ERR_PAYLOAD_TOO_LARGE.
 */
export async function spoolUpload(body: AsyncIterable<Buffer | string>, opts: { dir: string; prefix: string; maxBytes: number }): Promise<string> {
  mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  const file = join(opts.dir, `${opts.prefix}-${randomUUID()}.upload`);
  async function* counted() {
    let total = 0;
    for await (const chunk of body) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += b.length;
      if (total > opts.maxBytes) throw new VitrinaError('VITRINA_ERR_PAYLOAD_TOO_LARGE', `The file is larger than the ${Math.round(opts.maxBytes / 1024 / 1024)} MB an upload may be.`);
      yield b;
    }
  }
  try {
    await pipeline(Readable.from(counted()), createWriteStream(file, { mode: 0o600 }));
  } catch (err) {
    rmSync(file, { force: true });
    throw err;
  }
  return file;
}

/**
 * At start-up: uploads a stopped server left behind belong to jobs that ended `failed` (see
 * domains/jobs), and nothing will read them again; they hold shoppers' data, so they go.
 */
export function clearSpoolDir(dir: string) {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (name.endsWith('.upload') || name.endsWith('.csv')) rmSync(join(dir, name), { force: true });
}
