import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { BROKEN_MEDIA_SKIP_MS } from '../config';
import { itemDuration, nextPlayableIndex, resumeIndex, type LoopEntry } from './playlist';

interface Showing {
  id: string | null;
  /** Bumped on every step, so a one-item loop still restarts its timer. */
  tick: number;
}

export interface LoopOptions<T extends LoopEntry> {
  /** May the loop switch to this item now? (its media is cached) — never switch to one that is not. */
  canPlay?: (item: T) => boolean;
  /** Called when an item leaves the screen, with when it came on (for proof of play). */
  onPlayed?: (item: T, startedAt: number, endedAt: number) => void;
  /** Called when an item comes on screen (the fleet's "current item"). */
  onShow?: (item: T) => void;
  /** Called at each item boundary (e.g. to apply a service-worker update there). */
  onBoundary?: () => void;
  now?: () => number;
}

const always = () => true;

/**
 * Steps through `items` forever, each for its own duration. The state is the id of the
 * item on screen (not an index), so a new playlist that still contains it keeps it on screen.
 * At each step it moves to the next item that `canPlay`; if none can, the current one stays.
 */
export function useLoop<T extends LoopEntry>(items: readonly T[], opts: LoopOptions<T> = {}) {
  const [showing, setShowing] = useState<Showing>({ id: null, tick: 0 });
  const optsRef = useRef(opts);
  optsRef.current = opts;
  const canPlay = opts.canPlay ?? always;
  const current = items.find((it) => it.id === showing.id);
  // Not on screen yet (first start, or the item left the playlist): the first that can play.
  const item = current ?? items[nextPlayableIndex(-1, items, canPlay)];
  const itemsRef = useRef(items);
  itemsRef.current = items;

  const advanceFrom = useCallback((fromId: string | null) => {
    setShowing((s) => {
      if (s.id !== null && s.id !== fromId) return s; // already moved on
      const list = itemsRef.current;
      const i = nextPlayableIndex(resumeIndex(fromId, list), list, optsRef.current.canPlay ?? always);
      return { id: list[i]?.id ?? fromId, tick: s.tick + 1 };
    });
  }, []);

  // Proof of play: when the item on screen changes (or restarts), the previous showing ends.
  const startedRef = useRef<{ item: T; at: number } | null>(null);
  useEffect(() => {
    const now = optsRef.current.now ?? Date.now;
    const prev = startedRef.current;
    const at = now();
    if (prev) optsRef.current.onPlayed?.(prev.item, prev.at, at);
    startedRef.current = item ? { item, at } : null;
    if (item) optsRef.current.onShow?.(item);
    optsRef.current.onBoundary?.();
  }, [item?.id, showing.tick]);
  // The region goes away (layout change, sleep): its item ends now.
  useEffect(
    () => () => {
      const prev = startedRef.current;
      const now = optsRef.current.now ?? Date.now;
      if (prev) optsRef.current.onPlayed?.(prev.item, prev.at, now());
      startedRef.current = null;
    },
    [],
  );

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

  /** `tick` changes on every step, even when a one-item loop shows the same item again. */
  return { item, skip, tick: showing.tick };
}
