import { PlayBatch } from '@vitrina/contracts';
import type { SignageNamespace } from '../../platform/realtime/realtime.js';
import { handle } from '../../platform/realtime/validate.js';
import type { ProofOfPlayService } from './service.js';

/** Screens deliver their play records over their socket; the ack says how many were new. */
export function proofOfPlaySocketHandlers(signage: SignageNamespace, proofOfPlay: ProofOfPlayService, log: { error(obj: unknown, msg: string): void }) {
  signage.on('connection', (socket) => {
    socket.on('signage:proof-of-play', handle(PlayBatch, (batch) => proofOfPlay.accept(socket.data.device.id, batch.records), log));
  });
}
