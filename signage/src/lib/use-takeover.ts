import { useEffect, useState } from 'preact/hooks';
import type { SignageTakeover } from '@vitrina/contracts';
import { TAKEOVER_MAX_MS, TAKEOVER_MAX_OFFERS, TAKEOVER_MIN_MS } from '../config';
import type { SignageSocket } from '@vitrina/contracts/client';

/** Bounds a takeover's time on screen and its number of offers. */
export function normalizeTakeover(t: SignageTakeover): SignageTakeover | null {
  const offers = t.offers.slice(0, TAKEOVER_MAX_OFFERS);
  if (offers.length === 0) return null;
  const durationMs = Math.min(TAKEOVER_MAX_MS, Math.max(TAKEOVER_MIN_MS, Number.isFinite(t.durationMs) ? t.durationMs : 0));
  return { ...t, offers, durationMs };
}

/** The takeover on screen now, if any: set by `signage:takeover`, cleared after its duration. */
export function useTakeover(socket: SignageSocket | null): SignageTakeover | null {
  const [takeover, setTakeover] = useState<SignageTakeover | null>(null);

  useEffect(() => {
    if (!socket) return;
    const onTakeover = (t: SignageTakeover) => setTakeover(normalizeTakeover(t));
    socket.on('signage:takeover', onTakeover);
    return () => void socket.off('signage:takeover', onTakeover);
  }, [socket]);

  useEffect(() => {
    if (!takeover) return;
    const t = setTimeout(() => setTakeover(null), takeover.durationMs);
    return () => clearTimeout(t);
  }, [takeover]);

  return takeover;
}
