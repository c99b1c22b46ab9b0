import { Type, type Static } from 'typebox';
import { Instant } from './common.js';

/** A file of the media library. `id` is the file's sha256: the same file uploaded twice is one item. */
export const MediaItem = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('image'), Type.Literal('video')]),
  mime: Type.String(),
  name: Type.String(),
  bytes: Type.Integer(),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  /** Stable, immutable URL of the file (`/media/lib/<sha256>.<ext>`), cached for a year. */
  url: Type.String(),
  /** A small WebP preview for images, null when there is none (video, SVG). */
  thumbnailUrl: Type.Union([Type.String(), Type.Null()]),
  tags: Type.Array(Type.String()),
  /** Play window: screens do not play the file before `validFrom` or after `validTo` (null: open). */
  validFrom: Type.Union([Instant, Type.Null()]),
  validTo: Type.Union([Instant, Type.Null()]),
  /** How many playlists use it right now. */
  usedIn: Type.Integer({ minimum: 0 }),
  createdAt: Instant,
});
export type MediaItem = Static<typeof MediaItem>;

export const MediaList = Type.Object({ items: Type.Array(MediaItem) });
export type MediaList = Static<typeof MediaList>;

export const MediaListQuery = Type.Object(
  { tag: Type.Optional(Type.String({ maxLength: 40 })), kind: Type.Optional(Type.Union([Type.Literal('image'), Type.Literal('video')])) },
  { additionalProperties: false },
);
export type MediaListQuery = Static<typeof MediaListQuery>;

const Tag = Type.String({ minLength: 1, maxLength: 40, pattern: '^[^,\\s][^,]*$' });

/** Staff edit the name, tags and play window of a file (the file itself never changes). */
export const UpdateMediaRequest = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    tags: Type.Optional(Type.Array(Tag, { maxItems: 20 })),
    validFrom: Type.Optional(Type.Union([Instant, Type.Null()])),
    validTo: Type.Optional(Type.Union([Instant, Type.Null()])),
  },
  { additionalProperties: false },
);
export type UpdateMediaRequest = Static<typeof UpdateMediaRequest>;

/** Deleting media a playlist uses needs `force: true` (the console asks for confirmation first). */
export const DeleteMediaQuery = Type.Object({ force: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export type DeleteMediaQuery = Static<typeof DeleteMediaQuery>;

export const DeleteMediaResult = Type.Object({ deleted: Type.Literal(true), wasUsedIn: Type.Integer({ minimum: 0 }) });
export type DeleteMediaResult = Static<typeof DeleteMediaResult>;
