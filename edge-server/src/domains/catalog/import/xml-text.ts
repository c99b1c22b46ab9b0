import iconv from 'iconv-lite';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';

/** How much of the start is read to find the XML declaration and judge the content. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Bytes of an XML file → text, in the encoding the file declares. 1C writes UTF-8 (with or
 * without BOM) or windows-1251 (older configurations). Refused, with VITRINA_ERR_IMPORT_*:
 * - not XML at all (the first thing is not `<`): VITRINA_ERR_IMPORT_MALFORMED;
 * - an encoding iconv-lite does not know: VITRINA_ERR_IMPORT_ENCODING;
 * - UTF-8 (declared or by default) with bytes that are not UTF-8 (a windows-1251 file without its
 *   declaration): VITRINA_ERR_IMPORT_ENCODING with the byte offset;
 * - windows-1251 declared but the text is UTF-8 (Cyrillic UTF-8 read as 1251 turns into "Рџ…"):
 *   VITRINA_ERR_IMPORT_ENCODING.
 */
export async function* xmlText(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const it = input[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let done = false;
  while (head.length < SNIFF_BYTES) {
    const next = await it.next();
    if (next.done) { done = true; break; }
    head = Buffer.concat([head, typeof next.value === 'string' ? Buffer.from(next.value) : next.value]);
  }
  const encoding = encodingOf(head);
  const rest: AsyncIterable<Buffer> = { [Symbol.asyncIterator]: () => ({ next: async () => (done ? { done: true, value: undefined } : it.next()) as Promise<IteratorResult<Buffer>> }) };

  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    let offset = 0;
    const decode = (chunk: Buffer, stream: boolean) => {
      try {
        return decoder.decode(chunk, { stream });
      } catch {
        throw new VitrinaError('VITRINA_ERR_IMPORT_ENCODING', `The file is not valid UTF-8 (near byte ${offset}). If it is windows-1251, it must say so: <?xml version="1.0" encoding="windows-1251"?>`);
      }
    };
    yield decode(head, true);
    offset += head.length;
    for await (const chunk of rest) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      yield decode(b, true);
      offset += b.length;
    }
    yield decode(Buffer.alloc(0), false);
    return;
  }
  if (encoding === 'windows-1251' && looksLikeUtf8(head)) {
    throw new VitrinaError('VITRINA_ERR_IMPORT_ENCODING', 'The file declares windows-1251 but its text is UTF-8: fix the declaration (encoding="UTF-8").');
  }
  const decoder = iconv.getDecoder(encoding);
  yield decoder.write(head);
  for await (const chunk of rest) yield decoder.write(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  yield decoder.end() ?? '';
}

/** The encoding from the BOM or the XML declaration; UTF-8 when neither says. */
function encodingOf(head: Buffer): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return head[0] === 0xff ? 'utf-16le' : 'utf-16be';
  const start = head.subarray(0, 1024).toString('latin1');
  const first = start.trimStart()[0];
  if (first === undefined) throw new VitrinaError('VITRINA_ERR_IMPORT_MALFORMED', 'The file is empty.');
  if (first !== '<') throw new VitrinaError('VITRINA_ERR_IMPORT_MALFORMED', 'The file is not XML (it does not start with "<").');
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(start)?.[1]?.toLowerCase();
  if (!declared || declared === 'utf-8' || declared === 'utf8') return 'utf-8';
  const name = declared === 'cp1251' || declared === 'win-1251' ? 'windows-1251' : declared;
  if (!iconv.encodingExists(name)) throw new VitrinaError('VITRINA_ERR_IMPORT_ENCODING', `The file declares an encoding this server does not read: "${declared.slice(0, 40)}".`);
  return name;
}

/** Bytes above 0x7F that all form valid UTF-8 sequences: text written as UTF-8. */
function looksLikeUtf8(head: Buffer): boolean {
  if (!head.some((b) => b >= 0x80)) return false;
  // Cut an incomplete sequence at the end of the sniffed bytes.
  let end = head.length;
  for (let i = Math.max(0, end - 4); i < end; i++) if ((head[i]! & 0xc0) === 0xc0) { end = i; break; }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}
