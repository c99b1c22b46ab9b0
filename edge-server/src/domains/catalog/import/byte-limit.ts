import { VitrinaError } from '../../../platform/errors/vitrina-error.js';

/**
 * Passes a body through while counting its bytes; past `maxBytes` it stops with
 * VITRINA_ERR_PAYLOAD_TOO_LARGE (the import then discards what it staged). Fastify's
 * bodyLimit does not apply to a body parsed as a stream, so the catalogue upload counts itself.
 */
export async function* limitBytes(body: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of body) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += b.length;
    if (total > maxBytes) throw new VitrinaError('VITRINA_ERR_PAYLOAD_TOO_LARGE', `The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB an upload may be.`);
    yield b;
  }
}
