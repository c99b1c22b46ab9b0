import type { Ack, KioskClientToServer } from '@vitrina/contracts';
import type { KioskSocket } from '@vitrina/contracts/client';
import { ACK_TIMEOUT_MS } from '../config';
import type { ProblemKey } from './error-messages';

/** The My card events: each takes the session id and answers with an ack. */
export type CardEvent = 'kiosk:card' | 'kiosk:claim-code' | 'kiosk:claim-referral' | 'kiosk:voucher' | 'kiosk:rewards' | 'kiosk:redeem-reward';
type PayloadOf<E extends CardEvent> = Parameters<KioskClientToServer[E]>[0];
type DataOf<E extends CardEvent> = Parameters<Parameters<KioskClientToServer[E]>[1]>[0] extends Ack<infer T> ? T : never;

/** The answer as My card reads it: the data, or the problem to show the shopper. */
export type CardAnswer<T> = { ok: true; data: T } | { ok: false; problem: ProblemKey };
export type CardRequest = <E extends CardEvent>(event: E, payload: PayloadOf<E>) => Promise<CardAnswer<DataOf<E>>>;

/**
 * Sends My card requests over the kiosk's socket. Offline is refused at once (not queued for a
 * shopper who has left); no answer in time is TIMEOUT; a refusal carries the server's code.
 */
export function cardRequester(socketNow: () => KioskSocket | null): CardRequest {
  return async (event, payload) => {
    const socket = socketNow();
    if (!socket) return { ok: false, problem: 'OFFLINE' };
    try {
      // socket.io's typed emitWithAck cannot follow a generic event name; the event map above is the check.
      const timed = socket.timeout(ACK_TIMEOUT_MS);
      const emit = timed.emitWithAck.bind(timed) as unknown as (e: string, p: unknown) => Promise<Ack<never>>;
      const ack = await emit(event, payload);
      return ack.ok ? { ok: true, data: ack.data } : { ok: false, problem: ack.error.code };
    } catch {
      return { ok: false, problem: 'TIMEOUT' };
    }
  };
}
