import { open } from 'node:fs/promises';
import mediaInfoFactory, { type MediaInfo } from 'mediainfo.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';

/** Video codecs current browsers play, by container (MediaInfo's Format names). HEVC, MPEG-4 Part 2 and the like are refused. */
const PLAYABLE: Record<'video/mp4' | 'video/webm', ReadonlySet<string>> = {
  'video/mp4': new Set(['AVC', 'VP9', 'AV1']),
  'video/webm': new Set(['VP8', 'VP9', 'AV1']),
};

export interface VideoFacts {
  width: number;
  height: number;
  durationMs: number | null;
}

let instance: Promise<MediaInfo<'object'>> | null = null;
/** MediaInfo compiled to WebAssembly (mediainfo.js): no system ffmpeg or mediainfo needed. Loaded once, on first use. */
function mediaInfo(): Promise<MediaInfo<'object'>> {
  instance ??= mediaInfoFactory({ format: 'object' }).catch((err: unknown) => {
    instance = null;
    throw err;
  });
  return instance;
}

/** Whether the video probe can run here (for the health answer): loads the wasm module. */
export async function videoProbeReady(): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await mediaInfo();
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: `mediainfo.js could not load (${err instanceof Error ? err.message : String(err)}); video uploads are refused` };
  }
}

let queue: Promise<unknown> = Promise.resolve();
/** One analysis at a time: the wasm instance is not re-entrant. */
function serially<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Reads a stored video's dimensions and duration from its container, reading only the parts
 * MediaInfo asks for. A file with no video track, or a codec browsers cannot play, is refused.
 */
export function probeVideo(file: string, size: number, mime: 'video/mp4' | 'video/webm'): Promise<VideoFacts> {
  return serially(async () => {
    let mi: MediaInfo<'object'>;
    try {
      mi = await mediaInfo();
    } catch {
      throw new VitrinaError('VITRINA_ERR_UNAVAILABLE', 'The video probe (mediainfo.js) could not start; videos cannot be uploaded right now.');
    }
    const fh = await open(file, 'r');
    let tracks: Array<Record<string, unknown>>;
    try {
      const result = await mi.analyzeData(size, async (chunkSize, offset) => {
        const buffer = Buffer.alloc(chunkSize);
        const { bytesRead } = await fh.read(buffer, 0, chunkSize, offset);
        return buffer.subarray(0, bytesRead);
      });
      tracks = (result.media?.track ?? []) as unknown as Array<Record<string, unknown>>;
    } finally {
      await fh.close();
    }
    const video = tracks.find((t) => t['@type'] === 'Video');
    const general = tracks.find((t) => t['@type'] === 'General');
    const width = Number(video?.Width);
    const height = Number(video?.Height);
    if (!video || !(width > 0) || !(height > 0)) throw new VitrinaError('VITRINA_ERR_MEDIA_UNREADABLE', 'The file has no readable video track.');
    const format = String(video.Format ?? '');
    if (!PLAYABLE[mime].has(format)) {
      throw new VitrinaError('VITRINA_ERR_MEDIA_TYPE_UNSUPPORTED', `Browsers cannot play ${format || 'this'} video in ${mime === 'video/mp4' ? 'MP4' : 'WebM'}; use ${[...PLAYABLE[mime]].join(', ')}.`);
    }
    const seconds = Number(general?.Duration ?? video.Duration);
    return { width, height, durationMs: Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null };
  });
}
