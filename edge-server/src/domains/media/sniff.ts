import { fileTypeFromBuffer } from 'file-type';

/** The file types the library takes, by content. */
export const MEDIA_TYPES = {
  'image/jpeg': { kind: 'image', ext: 'jpg', names: ['jpg', 'jpeg'] },
  'image/png': { kind: 'image', ext: 'png', names: ['png'] },
  'image/webp': { kind: 'image', ext: 'webp', names: ['webp'] },
  'image/svg+xml': { kind: 'image', ext: 'svg', names: ['svg'] },
  'video/mp4': { kind: 'video', ext: 'mp4', names: ['mp4', 'm4v'] },
  'video/webm': { kind: 'video', ext: 'webm', names: ['webm'] },
} as const;
export type MediaMime = keyof typeof MEDIA_TYPES;

/** Bytes file-type needs to recognise every type above (its documented sample size). */
export const SNIFF_BYTES = 4100;

/**
 * What the first bytes of a file are: file-type's magic numbers for binaries; for text, an XML
 * document whose root element is <svg>. Null: none of ours. Never looks at the file's name.
 */
export async function sniffType(head: Buffer): Promise<MediaMime | null> {
  const found = await fileTypeFromBuffer(head);
  // file-type names an XML prolog application/xml (and may say image/svg+xml): SVG is decided here, from the root element.
  if (found && found.mime !== 'application/xml' && found.mime !== 'image/svg+xml') return found.mime in MEDIA_TYPES ? (found.mime as MediaMime) : null;
  return looksLikeSvg(head) ? 'image/svg+xml' : null;
}

function looksLikeSvg(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  // Prolog, comments and a doctype may come first; the first element must be <svg.
  const rest = text.replace(/^\s*(<\?xml[^>]*\?>\s*)?((<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*/i, '');
  return /^<svg[\s>]/i.test(rest);
}

/** The type a file's name or its declared content type claims, if it claims one of ours. */
export function claimedType(filename: string, declaredMime: string | undefined): MediaMime | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  for (const [mime, t] of Object.entries(MEDIA_TYPES)) if (ext && (t.names as readonly string[]).includes(ext)) return mime as MediaMime;
  if (declaredMime && declaredMime in MEDIA_TYPES) return declaredMime as MediaMime;
  return null;
}
