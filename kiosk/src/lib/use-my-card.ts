import { useCallback, useEffect, useState } from 'preact/hooks';
import type { MyCard } from '@vitrina/contracts';
import type { ProblemKey } from './error-messages';
import type { CardRequest } from './card-requests';

export type CardLoad = { status: 'loading' } | { status: 'ready'; card: MyCard } | { status: 'failed'; problem: ProblemKey };

/**
 * My card's data for the session on this kiosk: read when the screen opens and again after
 * anything the shopper changes (a claimed code, a voucher), so what it shows is what the server holds.
 */
export function useMyCard(request: CardRequest, sessionId: string | null) {
  const [load, setLoad] = useState<CardLoad>({ status: 'loading' });
  const reload = useCallback(async () => {
    if (!sessionId) return;
    const answer = await request('kiosk:card', { sessionId });
    setLoad(answer.ok ? { status: 'ready', card: answer.data } : { status: 'failed', problem: answer.problem });
    // `request` is rebuilt on every render of the kiosk; the session alone decides what to read.
  }, [sessionId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { load, reload };
}
