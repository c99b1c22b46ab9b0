import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PlaylistItem } from '@vitrina/contracts';
import { BROKEN_MEDIA_SKIP_MS } from '../config';
import { itemDuration, nextIndex, resumeIndex } from './playlist';

interface Showing {
  id: string | null;
  /** Bumped on every step, so a one-item loop still restarts its timer. */
  tick: number;
}

/**
 * Steps through `items` forever, each for its own duration. The state is the id of the
 * item on screen (not an index), so a new playlist that still contains it keeps it on screen.
 */
export function useLoop(items: readonly PlaylistItem[]) {
  const [showing, setShowing] = useState<Showing>({ id: null, tick: 0 });
  const index = resumeIndex(showing.id, items);
  const item = items[index];
  const itemsRef = useRef(items);
  itemsRef.current = items;

  const advanceFrom = useCallback((fromId: string | null) => {
    setShowing((s) => {
      if (s.id !== null && s.id !== fromId) return s; // already moved on
      const list = itemsRef.current;
      const next = list[nextIndex(resumeIndex(fromId, list), list.length)];
      return { id: next?.id ?? null, tick: s.tick + 1 };
    });
  }, []);

  useEffect(() => {
    if (!item) return;
    const t = setTimeout(() => advanceFrom(item.id), itemDuration(item));
    return () => clearTimeout(t);
  }, [item, showing.tick, advanceFrom]);

  /** A slide whose media failed: move on soon instead of showing a broken frame. */
  const skip = useCallback(
    (id: string) => {
      setTimeout(() => advanceFrom(id), BROKEN_MEDIA_SKIP_MS);
    },
    [advanceFrom],
  );

  return { item, skip };
}
