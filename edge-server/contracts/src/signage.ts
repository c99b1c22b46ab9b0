import { Type, type Static } from 'typebox';
import { SignageOffer } from './offers.js';

/** One item of a screen's loop. Media are served by the edge server under /media/. */
export const PlaylistItem = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('image'), Type.Literal('video'), Type.Literal('message')]),
  /** URL of the media for image/video; null for message slides. */
  src: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  body: Type.String(),
  durationMs: Type.Integer({ minimum: 1000, maximum: 600000 }),
});
export type PlaylistItem = Static<typeof PlaylistItem>;

export const Playlist = Type.Object({
  zoneId: Type.String(),
  version: Type.String(),
  items: Type.Array(PlaylistItem),
});
export type Playlist = Static<typeof Playlist>;

/** Sent as `signage:takeover` to the screens of the zone where a card was scanned. */
export const SignageTakeover = Type.Object(
  {
    takeoverId: Type.String(),
    zoneId: Type.String(),
    offers: Type.Array(SignageOffer),
    durationMs: Type.Integer(),
  },
  { additionalProperties: false },
);
export type SignageTakeover = Static<typeof SignageTakeover>;

/** Staff publish a zone's whole loop at once; the server versions it and pushes it to the screens. */
export const PublishPlaylistRequest = Type.Object({ items: Type.Array(PlaylistItem, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false });
export type PublishPlaylistRequest = Static<typeof PublishPlaylistRequest>;
