import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { MediaItem } from '@vitrina/contracts';
import { build } from '../../test-support/build.js';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const BOUNDARY = '----vitrina-test-boundary';

/** A multipart/form-data body with one `file` part, streamed (the file may be an endless generator). */
function form(filename: string, type: string, file: Buffer | (() => AsyncGenerator<Buffer>)) {
  async function* body() {
    yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
    if (Buffer.isBuffer(file)) yield file;
    else yield* file();
    yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  }
  return { payload: Readable.from(body()), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

async function setup(overrides: Parameters<typeof build>[0] = {}) {
  const t = await build(overrides);
  await t.services.devices.upsertZone('zone-a', 'Zone A');
  const admin = await t.staffHeaders('admin');
  const upload = (filename: string, type: string, file: Parameters<typeof form>[2], headers: Record<string, string> = admin) => {
    const f = form(filename, type, file);
    return t.app.inject({ method: 'POST', url: '/api/v1/media', headers: { ...headers, ...f.headers }, payload: f.payload });
  };
  const disk = () => t.services.media.filesOnDisk();
  const code = (res: { json(): unknown }) => (res.json() as { error?: { code: string } }).error?.code;
  return { ...t, admin, upload, disk, code };
}

const png = (w = 64, h = 48) => sharp({ create: { width: w, height: h, channels: 3, background: '#c33' } }).png().toBuffer();

describe('media library: uploads checked by content and stored by hash', () => {
  it('stores a PNG under its sha256 with dimensions and a thumbnail, serves it immutable, and knows it when it comes again', async () => {
    const t = await setup();
    const bytes = await png();
    const res = await t.upload('shelf photo.png', 'image/png', bytes);
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json() as MediaItem;
    const sha = (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');
    expect(item).toMatchObject({ id: sha, kind: 'image', mime: 'image/png', name: 'shelf photo.png', bytes: bytes.length, width: 64, height: 48, url: `/media/lib/${sha}.png`, thumbnailUrl: `/media/lib/${sha}.thumb.webp`, usedIn: 0, tags: [] });

    const file = await t.app.inject({ method: 'GET', url: item.url });
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(bytes)).toBe(true);
    const thumb = await t.app.inject({ method: 'GET', url: item.thumbnailUrl! });
    expect(thumb.statusCode).toBe(200);
    expect((await sharp(thumb.rawPayload).metadata()).format).toBe('webp');
    expect((await t.app.inject({ method: 'GET', url: `/media/lib/${'0'.repeat(64)}.png` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/media/lib/../../secret' })).statusCode).toBe(404);

    const again = await t.upload('copy.png', 'image/png', bytes);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: sha, name: 'shelf photo.png' });
    expect((await t.disk()).lib.sort()).toEqual([`${sha}.png`, `${sha}.thumb.webp`]);
    expect((await t.disk()).tmp).toEqual([]);
  });

  it('reads JPEG and WebP with sharp, and MP4 and WebM duration and size with mediainfo.js (no ffmpeg)', async () => {
    const t = await setup();
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3c3' } }).jpeg().toBuffer();
    const webp = await sharp({ create: { width: 20, height: 10, channels: 4, background: '#33c8' } }).webp().toBuffer();
    expect((await t.upload('a.jpg', 'image/jpeg', jpeg)).json()).toMatchObject({ mime: 'image/jpeg', width: 40, height: 30 });
    expect((await t.upload('b.webp', 'image/webp', webp)).json()).toMatchObject({ mime: 'image/webp', width: 20, height: 10 });
    const mp4 = await t.upload('clip.mp4', 'video/mp4', readFileSync(new URL('clip.mp4', FIXTURES)));
    expect(mp4.statusCode, mp4.body).toBe(201);
    expect(mp4.json()).toMatchObject({ kind: 'video', mime: 'video/mp4', width: 320, height: 240, durationMs: 1461, thumbnailUrl: null });
    const webm = await t.upload('clip.webm', 'video/webm', readFileSync(new URL('clip.webm', FIXTURES)));
    expect(webm.json()).toMatchObject({ kind: 'video', mime: 'video/webm', width: 320, height: 240, durationMs: 1281 });
    // Video is served with ranges (seeking).
    const part = await t.app.inject({ method: 'GET', url: (webm.json() as MediaItem).url, headers: { range: 'bytes=0-99' } });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.length).toBe(100);
  });

  it('cleans a harmless SVG and refuses one with script, event handlers or external references, writing nothing', async () => {
    const t = await setup();
    const ok = await t.upload('logo.svg', 'image/svg+xml', Buffer.from('<?xml version="1.0"?>\n<!-- editor -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60"><metadata>x</metadata><rect width="120" height="60" fill="#0a0"/></svg>'));
    expect(ok.statusCode, ok.body).toBe(201);
    const item = ok.json() as MediaItem;
    expect(item).toMatchObject({ mime: 'image/svg+xml', width: 120, height: 60 });
    const served = await t.app.inject({ method: 'GET', url: item.url });
    expect(served.body).not.toContain('editor');
    expect(served.body).toContain('<rect');
    expect(served.headers['content-security-policy']).toContain("default-src 'none'");

    const before = await t.disk();
    const unsafe = [
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', '<script> element'],
      ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>', 'onload event handler'],
      ['<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>', 'external reference in href'],
      ['<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>', 'external reference in href'],
      ['<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://x.example/a.css);</style></svg>', 'external reference in <style>'],
      ['<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div>hi</div></foreignObject></svg>', '<foreignobject> element'],
    ];
    for (const [svg, reason] of unsafe) {
      const res = await t.upload('bad.svg', 'image/svg+xml', Buffer.from(svg!));
      expect([res.statusCode, t.code(res)], svg).toEqual([422, 'VITRINA_ERR_MEDIA_UNSAFE']);
      expect((res.json() as { error: { message: string } }).error.message).toContain(reason);
    }
    expect(await t.disk()).toEqual({ lib: before.lib, tmp: [] });
  });

  it('refuses a file that lies about its type, an unknown type, a broken file and an empty one, with codes and nothing on disk', async () => {
    const t = await setup();
    const pngBytes = await png();
    const cases: Array<[string, string, Buffer, number, string]> = [
      ['photo.jpg', 'image/jpeg', pngBytes, 415, 'VITRINA_ERR_MEDIA_TYPE_MISMATCH'],
      ['invoice.png', 'image/png', Buffer.from('%PDF-1.7\n% not a picture at all\n'.repeat(20)), 415, 'VITRINA_ERR_MEDIA_TYPE_MISMATCH'],
      ['clip.mp4', 'video/mp4', Buffer.from('MZ\x90\x00 an executable in disguise'.repeat(10)), 415, 'VITRINA_ERR_MEDIA_TYPE_MISMATCH'],
      ['notes.txt', 'text/plain', Buffer.from('just text'.repeat(10)), 415, 'VITRINA_ERR_MEDIA_TYPE_UNSUPPORTED'],
      ['song.mp3', 'audio/mpeg', Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00'.padEnd(200, '\x00')), 415, 'VITRINA_ERR_MEDIA_TYPE_UNSUPPORTED'],
      ['half.png', 'image/png', pngBytes.subarray(0, 60), 422, 'VITRINA_ERR_MEDIA_UNREADABLE'],
      ['half.mp4', 'video/mp4', readFileSync(new URL('clip.mp4', FIXTURES)).subarray(0, 48), 422, 'VITRINA_ERR_MEDIA_UNREADABLE'],
      ['empty.png', 'image/png', Buffer.alloc(0), 422, 'VITRINA_ERR_MEDIA_EMPTY'],
    ];
    for (const [name, type, bytes, status, code] of cases) {
      const res = await t.upload(name, type, bytes);
      expect([res.statusCode, t.code(res)], name).toEqual([status, code]);
    }
    expect(await t.disk()).toEqual({ lib: [], tmp: [] });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/media', headers: t.admin })).json()).toEqual({ items: [] });
    // Not multipart at all, and a form without a file.
    const raw = await t.app.inject({ method: 'POST', url: '/api/v1/media', headers: { ...t.admin, 'content-type': 'application/json' }, payload: { a: 1 } });
    expect(raw.statusCode).toBeGreaterThanOrEqual(400);
    expect(raw.statusCode).toBeLessThan(500);
  });

  it('stops reading an over-limit upload at the limit: a large streamed body is refused and no partial file is left', async () => {
    const t = await setup({ MEDIA_IMAGE_MAX_BYTES: 100_000, MEDIA_VIDEO_MAX_BYTES: 300_000 });
    const head = await png(8, 8);
    let pulled = 0;
    const endless = async function* () {
      yield head;
      // Up to 200 MB if nobody stops it; the server must stop long before.
      for (let i = 0; i < 3200; i++) {
        pulled += 65_536;
        yield Buffer.alloc(65_536, 7);
      }
    };
    const res = await t.upload('huge.png', 'image/png', endless);
    expect([res.statusCode, t.code(res)]).toEqual([413, 'VITRINA_ERR_MEDIA_TOO_LARGE']);
    expect(pulled).toBeLessThan(5_000_000);
    expect(await t.disk()).toEqual({ lib: [], tmp: [] });

    // A video has its own (larger) limit: 200 kB of WebM passes where an image would not.
    const webm = readFileSync(new URL('clip.webm', FIXTURES));
    const padded = Buffer.concat([webm, Buffer.alloc(150_000)]);
    expect((await t.upload('long.webm', 'video/webm', padded)).statusCode).toBe(201);

    // A body announced as 5 GB is refused before it is read.
    const announced = await t.app.inject({
      method: 'POST', url: '/api/v1/media', payload: 'x',
      headers: { ...t.admin, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(5 * 1024 ** 3) },
    });
    expect([announced.statusCode, t.code(announced)]).toEqual([413, 'VITRINA_ERR_MEDIA_TOO_LARGE']);
  });
});

describe('media library: tags, play windows, usage and deletion', () => {
  it('edits tags and the play window, counts playlists using a file, and deletes a used file only when forced', async () => {
    const t = await setup();
    const item = (await t.upload('sale.png', 'image/png', await png())).json() as MediaItem;
    const patch = (body: Record<string, unknown>, id = item.id) => t.app.inject({ method: 'PATCH', url: `/api/v1/media/${id}`, headers: t.admin, payload: body });

    const edited = await patch({ tags: ['Spring', 'sale', 'spring'], validFrom: '2026-04-01T00:00:00Z', validTo: '2026-04-30T23:59:59Z', name: 'Spring sale' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Spring sale', tags: ['Spring', 'sale'], validFrom: '2026-04-01T00:00:00.000Z', validTo: '2026-04-30T23:59:59.000Z' });
    const bad = await patch({ validTo: '2026-03-01T00:00:00Z' });
    expect([bad.statusCode, t.code(bad)]).toEqual([400, 'VITRINA_ERR_VALIDATION']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/media?tag=spring', headers: t.admin })).json().items).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/media?tag=winter', headers: t.admin })).json().items).toHaveLength(0);

    const publish = await t.app.inject({
      method: 'PUT', url: '/api/v1/zones/zone-a/playlist', headers: t.admin,
      payload: { items: [{ id: 's1', kind: 'image', src: item.url, title: 'Spring', body: '', durationMs: 8000 }] },
    });
    expect(publish.statusCode, publish.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/media/${item.id}`, headers: t.admin })).json()).toMatchObject({ usedIn: 1 });

    const refused = await t.app.inject({ method: 'DELETE', url: `/api/v1/media/${item.id}`, headers: t.admin });
    expect([refused.statusCode, t.code(refused)]).toEqual([409, 'VITRINA_ERR_MEDIA_IN_USE']);
    expect((await t.app.inject({ method: 'GET', url: item.url })).statusCode).toBe(200);
    const forced = await t.app.inject({ method: 'DELETE', url: `/api/v1/media/${item.id}?force=true`, headers: t.admin });
    expect(forced.json()).toEqual({ deleted: true, wasUsedIn: 1 });
    expect((await t.app.inject({ method: 'GET', url: item.url })).statusCode).toBe(404);
    expect(await t.disk()).toEqual({ lib: [], tmp: [] });
  });

  it('answers unknown ids and bad ids with codes, and keeps writes to admins and marketers', async () => {
    const t = await setup();
    const unknown = 'f'.repeat(64);
    for (const [method, payload] of [['GET', undefined], ['PATCH', { name: 'x' }], ['DELETE', undefined]] as const) {
      const res = await t.app.inject({ method, url: `/api/v1/media/${unknown}`, headers: t.admin, ...(payload ? { payload } : {}) });
      expect([res.statusCode, t.code(res)], method).toEqual([404, 'VITRINA_ERR_MEDIA_UNKNOWN']);
    }
    const badId = await t.app.inject({ method: 'GET', url: '/api/v1/media/not-a-hash', headers: t.admin });
    expect([badId.statusCode, t.code(badId)]).toEqual([400, 'VITRINA_ERR_VALIDATION']);
    const staff = await t.staffHeaders('staff');
    expect((await t.upload('a.png', 'image/png', await png(), staff)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/media', headers: staff })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/media' })).statusCode).toBe(401);
  });
});

describe('media library over a real socket', () => {
  it('answers 413 to an over-limit upload while the client is still sending, and the server keeps serving', async () => {
    const t = await setup({ MEDIA_IMAGE_MAX_BYTES: 100_000 });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const { request } = await import('node:http');
    const head = await png(8, 8);
    let sent = 0;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/media', headers: { ...t.admin, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      // The server may close the connection once it has answered; that is the point.
      req.on('error', (err) => (answered ? undefined : reject(err)));
      req.write(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`);
      req.write(head);
      const chunk = Buffer.alloc(65_536, 1);
      const pump = () => {
        // Up to 100 MB, unless the answer comes first.
        while (!answered && sent < 100_000_000) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.destroy();
      };
      pump();
    });
    expect(status).toBe(413);
    expect(sent).toBeLessThan(100_000_000);
    expect(await t.disk()).toEqual({ lib: [], tmp: [] });
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
  });
});

describe('media library from a browser-like client', () => {
  it('answers a refused SVG sent as FormData over real HTTP', async () => {
    const t = await setup();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const text = new FormData();
    text.append('file', new Blob(['just some text, not media'], { type: 'text/plain' }), 'notes.txt');
    const refused = await fetch(`http://127.0.0.1:${port}/api/v1/media`, { method: 'POST', headers: t.admin, body: text });
    expect(refused.status).toBe(415);
    const body = new FormData();
    body.append('file', new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], { type: 'image/svg+xml' }), 'bad.svg');
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/media`, { method: 'POST', headers: t.admin, body });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VITRINA_ERR_MEDIA_UNSAFE');
  }, 120_000); // the first SVG loads jsdom, which takes long on a loaded machine
});
