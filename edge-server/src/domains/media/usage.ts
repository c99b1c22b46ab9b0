/**
 * An interim `usageOf` until the content domain answers it itself (issue 10's layouts and
 * schedules): the number of zone playlists with an item whose `src` names the file's hash.
 * compose.ts wires it from devices' zones and content's playlists; media imports neither.
 */
export function usageFromPlaylists(deps: {
  zoneIds: () => Promise<string[]>;
  playlist: (zoneId: string) => Promise<{ items: ReadonlyArray<{ src: string | null }> }>;
}): (mediaId: string) => Promise<number> {
  return async (mediaId) => {
    let used = 0;
    for (const zoneId of await deps.zoneIds()) {
      if ((await deps.playlist(zoneId)).items.some((item) => item.src?.includes(mediaId))) used += 1;
    }
    return used;
  };
}
