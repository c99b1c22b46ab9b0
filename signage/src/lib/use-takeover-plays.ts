import { useEffect, useRef } from 'preact/hooks';
import type { SignageTakeover } from '@vitrina/contracts';
import type { PlayInput } from './use-proof-of-play';

/** Proof of play for takeovers: one record per takeover actually shown, from when it came on until it left. */
export function useTakeoverPlays(shown: SignageTakeover | null, record: (p: PlayInput) => void, now: () => number): void {
  const on = useRef<{ t: SignageTakeover; at: number } | null>(null);
  useEffect(() => {
    const prev = on.current;
    if (prev?.t.takeoverId === shown?.takeoverId) return;
    const at = now();
    if (prev) {
      record({
        itemId: prev.t.takeoverId,
        itemName: prev.t.offers.map((o) => o.displayName).join(', ').slice(0, 200),
        itemKind: 'takeover',
        mediaHash: null,
        layoutId: null,
        regionId: null,
        zoneId: prev.t.zoneId,
        reason: 'takeover',
        takeoverId: prev.t.takeoverId,
        startedAt: new Date(prev.at).toISOString(),
        endedAt: new Date(at).toISOString(),
      });
    }
    on.current = shown ? { t: shown, at } : null;
  }, [shown?.takeoverId]);
}
