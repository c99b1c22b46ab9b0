import { mkdir, readFile, readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID, createHash } from 'node:crypto';
import sharp from 'sharp';
import type { DeleteMediaResult, MediaItem, MediaListQuery, UpdateMediaRequest } from '@vitrina/contracts';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { MediaRepository, MediaRow } from './repository.js';
import { receiveUpload } from './receive.js';
import { claimedType, MEDIA_TYPES, type MediaMime } from './sniff.js';
import { sanitizeSvg } from './svg-sanitize.js';
import { probeVideo } from './video-probe.js';

export interface MediaDeps {
  /** DATA_DIR/media: files in lib/ (served), uploads in progress in tmp/. */
  dir: string;
  limits: { imageBytes: number; videoBytes: number };
  /** How many playlists use a file now (the content domain answers; wired in compose.ts). */
  usageOf: (mediaId: string) => Promise<number>;
  now?: () => Date;
}

export interface MediaChange {
  before: MediaItem;
  after: MediaItem;
}

const THUMB_PX = 320;
/** Pixels sharp may decode from one upload (a decompression bomb stops here): 100 megapixels. */
const MAX_PIXELS = 100_000_000;

/** The media library: content-addressed files under the data dir, their facts, tags and play windows. */
export class MediaService {
  private readonly now: () => Date;
  readonly libDir: string;
  private readonly tmpDir: string;

  constructor(private readonly repo: MediaRepository, private readonly deps: MediaDeps) {
    this.now = deps.now ?? (() => new Date());
    this.libDir = join(deps.dir, 'lib');
    this.tmpDir = join(deps.dir, 'tmp');
  }

  /** Uploads cut off by a crash or a restart leave temp files; they are never whole, so they go. */
  async removeStaleUploads(): Promise<void> {
    await rm(this.tmpDir, { recursive: true, force: true });
    await mkdir(this.libDir, { recursive: true });
  }

  /** The largest body any upload may be (the multipart limit; each type has its own, checked by content). */
  get maxUploadBytes(): number {
    return Math.max(this.deps.limits.imageBytes, this.deps.limits.videoBytes);
  }

  /**
   * Stores an uploaded file: type by content (a name or declared type that says otherwise is
   * refused), size limit by that type, facts extracted (sharp for images, mediainfo.js for video,
   * the SVG policy in svg-sanitize.ts), then renamed into place under its sha256. The same file
   * again is the same item (`created: false`).
   */
  async upload(source: AsyncIterable<Buffer>, filename: string, declaredMime: string | undefined): Promise<{ item: MediaItem; created: boolean }> {
    const claimed = claimedType(filename, declaredMime);
    const received = await receiveUpload(source, {
      tmpDir: this.tmpDir,
      limitOf: (mime) => (MEDIA_TYPES[mime].kind === 'video' ? this.deps.limits.videoBytes : this.deps.limits.imageBytes),
      accept: (mime) => {
        if (mime === null) {
          if (claimed) throw new VitrinaError('VITRINA_ERR_MEDIA_TYPE_MISMATCH', `The file says it is ${claimed} but its content is not.`);
          throw new VitrinaError('VITRINA_ERR_MEDIA_TYPE_UNSUPPORTED');
        }
        if (claimed && claimed !== mime) {
          throw new VitrinaError('VITRINA_ERR_MEDIA_TYPE_MISMATCH', `The file says it is ${claimed} but its content is ${mime}.`);
        }
        return mime;
      },
    });
    const temps = [received.temp];
    try {
      const facts = await this.factsOf(received.temp, received.mime, received.bytes);
      let { sha256, bytes } = received;
      let file = received.temp;
      if (facts.rewritten !== null) {
        // A cleaned SVG is stored (and addressed) as cleaned.
        file = join(this.tmpDir, `${randomUUID()}.part`);
        temps.push(file);
        await writeFile(file, facts.rewritten);
        sha256 = createHash('sha256').update(facts.rewritten).digest('hex');
        bytes = facts.rewritten.length;
      }
      const existing = await this.repo.get(sha256);
      if (existing) return { item: await this.view(existing), created: false };
      const ext = MEDIA_TYPES[received.mime].ext;
      await mkdir(this.libDir, { recursive: true });
      if (facts.thumbnail) {
        const thumbTemp = join(this.tmpDir, `${randomUUID()}.part`);
        temps.push(thumbTemp);
        await writeFile(thumbTemp, facts.thumbnail);
        await rename(thumbTemp, join(this.libDir, `${sha256}.thumb.webp`));
      }
      await rename(file, join(this.libDir, `${sha256}.${ext}`));
      const row: MediaRow = {
        id: sha256, kind: MEDIA_TYPES[received.mime].kind, mime: received.mime, ext, name: displayName(filename, ext), bytes,
        width: facts.width, height: facts.height, duration_ms: facts.durationMs, has_thumbnail: facts.thumbnail ? 1 : 0,
        tags: '[]', valid_from: null, valid_to: null, created_at: this.now().toISOString(),
      };
      const created = await this.repo.insert(row);
      return { item: await this.view((await this.repo.get(sha256))!), created };
    } finally {
      for (const t of temps) await unlink(t).catch(() => undefined);
    }
  }

  async list(q: MediaListQuery = {}): Promise<MediaItem[]> {
    const rows = await this.repo.list(q.kind ?? null);
    const tag = q.tag?.trim().toLowerCase();
    const picked = tag ? rows.filter((r) => (JSON.parse(r.tags) as string[]).some((t) => t.toLowerCase() === tag)) : rows;
    return Promise.all(picked.map((r) => this.view(r)));
  }

  async get(id: string): Promise<MediaItem> {
    return this.view(await this.row(id));
  }

  async update(id: string, req: UpdateMediaRequest): Promise<MediaChange> {
    const row = await this.row(id);
    const before = await this.view(row);
    const validFrom = req.validFrom === undefined ? row.valid_from : req.validFrom;
    const validTo = req.validTo === undefined ? row.valid_to : req.validTo;
    if (validFrom && validTo && Date.parse(validTo) <= Date.parse(validFrom)) {
      throw new VitrinaError('VITRINA_ERR_VALIDATION', 'The play window ends before it starts.', [{ path: '/validTo', message: 'must be after validFrom' }]);
    }
    // Tags compare without case; the first spelling given is kept.
    const tags = req.tags === undefined ? (JSON.parse(row.tags) as string[]) : req.tags.map((t) => t.trim()).filter((t, i, all) => all.findIndex((u) => u.toLowerCase() === t.toLowerCase()) === i);
    await this.repo.update(id, {
      name: req.name?.trim() || row.name, tags: JSON.stringify(tags),
      valid_from: validFrom ? new Date(validFrom).toISOString() : null, valid_to: validTo ? new Date(validTo).toISOString() : null,
    });
    return { before, after: await this.get(id) };
  }

  /**
   * Deletes a file and its row. While playlists use it, only with `force` (the console asks
   * first): VITRINA_ERR_MEDIA_IN_USE otherwise. Proof of play keeps its own copy of the name and
   * hash, so history is not lost.
   */
  async remove(id: string, force: boolean): Promise<DeleteMediaResult & { before: MediaItem }> {
    const row = await this.row(id);
    const before = await this.view(row);
    if (before.usedIn > 0 && !force) {
      throw new VitrinaError('VITRINA_ERR_MEDIA_IN_USE', `Used in ${before.usedIn} playlist${before.usedIn === 1 ? '' : 's'}; confirm to delete it anyway.`);
    }
    await this.repo.remove(id);
    await unlink(join(this.libDir, `${id}.${row.ext}`)).catch(() => undefined);
    await unlink(join(this.libDir, `${id}.thumb.webp`)).catch(() => undefined);
    return { deleted: true, wasUsedIn: before.usedIn, before };
  }

  /** Files and temp files on disk (tests and the health page). */
  async filesOnDisk(): Promise<{ lib: string[]; tmp: string[] }> {
    const ls = (dir: string) => readdir(dir).catch(() => [] as string[]);
    return { lib: await ls(this.libDir), tmp: await ls(this.tmpDir) };
  }

  private async row(id: string): Promise<MediaRow> {
    const row = await this.repo.get(id);
    if (!row) throw new VitrinaError('VITRINA_ERR_MEDIA_UNKNOWN', `No media "${id}".`);
    return row;
  }

  private async view(r: MediaRow): Promise<MediaItem> {
    return {
      id: r.id, kind: r.kind, mime: r.mime, name: r.name, bytes: r.bytes, width: r.width, height: r.height, durationMs: r.duration_ms,
      url: `/media/lib/${r.id}.${r.ext}`, thumbnailUrl: r.has_thumbnail ? `/media/lib/${r.id}.thumb.webp` : null,
      tags: JSON.parse(r.tags) as string[], validFrom: r.valid_from, validTo: r.valid_to, usedIn: await this.deps.usageOf(r.id), createdAt: r.created_at,
    };
  }

  private async factsOf(file: string, mime: MediaMime, size: number) {
    const none = { width: null as number | null, height: null as number | null, durationMs: null as number | null, thumbnail: null as Buffer | null, rewritten: null as Buffer | null };
    if (mime === 'video/mp4' || mime === 'video/webm') return { ...none, ...(await probeVideo(file, size, mime)) };
    if (mime === 'image/svg+xml') {
      const clean = await sanitizeSvg(await readFile(file, 'utf8'));
      const rewritten = Buffer.from(clean.text, 'utf8');
      const thumbnail = await sharp(rewritten, { limitInputPixels: MAX_PIXELS }).resize(THUMB_PX, THUMB_PX, { fit: 'inside' }).webp({ quality: 75 }).toBuffer().catch(() => null);
      return { ...none, width: clean.width, height: clean.height, thumbnail, rewritten };
    }
    try {
      const image = sharp(file, { limitInputPixels: MAX_PIXELS });
      const meta = await image.metadata();
      const expected = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' }[mime];
      if (meta.format !== expected || !meta.width || !meta.height) throw new Error(`sharp read ${meta.format}`);
      // EXIF orientation 5–8 swaps the sides as the picture is shown.
      const swapped = (meta.orientation ?? 1) >= 5;
      const thumbnail = await sharp(file, { limitInputPixels: MAX_PIXELS }).rotate().resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
      return { ...none, width: swapped ? meta.height : meta.width, height: swapped ? meta.width : meta.height, thumbnail };
    } catch (err) {
      if (err instanceof VitrinaError) throw err;
      throw new VitrinaError('VITRINA_ERR_MEDIA_UNREADABLE', `The file could not be read as ${mime} (${size} bytes).`);
    }
  }
}

/** The name staff see: the uploaded file's name without folders, or a fallback. */
function displayName(filename: string, ext: string): string {
  const base = filename.split(/[\\/]/).pop()?.trim().slice(0, 200);
  return base || `upload.${ext}`;
}

