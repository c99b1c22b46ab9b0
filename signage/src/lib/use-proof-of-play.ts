import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PlayRecord } from '@vitrina/contracts';
import type { SignageSocket } from '@vitrina/contracts/client';
import { ACK_TIMEOUT_MS } from '../config';
import { openPlayLog, type PlayLogStore } from './play-log-store';
import { flushPlayLog, type SendOutcome } from './play-log-flush';
import { countError } from '@vitrina/contracts/client';
import { uuid } from './uuid';

/** Plays are sent at most this long after the first one not yet sent was recorded (batching), and at least this often. */
const FLUSH_DELAY_MS = 5_000;
const FLUSH_EVERY_MS = 60_000;

let storePromise: Promise<PlayLogStore> | null = null;
/** One IndexedDB connection per page; null when IndexedDB is unavailable (plays are then lost, counted as errors). */
function store(): Promise<PlayLogStore> {
  storePromise ??= openPlayLog();
  return storePromise;
}

async function send(socket: SignageSocket, records: PlayRecord[]): Promise<SendOutcome> {
  if (!socket.connected) return 'retry';
  try {
    const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('signage:proof-of-play', { records });
    if (ack.ok) return 'acked';
    // A malformed batch will never be taken; a clock ahead of the server's may be later.
    return ack.error.code === 'VITRINA_ERR_PLAY_BATCH_INVALID' ? 'refused' : 'retry';
  } catch {
    return 'retry'; // no answer: the batch stays in IndexedDB
  }
}

export type PlayInput = Omit<PlayRecord, 'id'>;

/**
 * Proof of play: `record` keeps a play in IndexedDB at once (it survives going offline, a
 * reload or a crash); batches go to the server shortly after, on every reconnect and every
 * minute, and are deleted only once acknowledged. `recorded` counts the plays this page
 * recorded (shown to tests and the fleet as `data-plays-recorded`).
 */
export function useProofOfPlay(socket: SignageSocket | null): { record: (p: PlayInput) => void; recorded: number } {
  const [recorded, setRecorded] = useState(0);
  const socketRef = useRef(socket);
  socketRef.current = socket;
  const flushing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(async () => {
    const s = socketRef.current;
    if (!s || flushing.current) return;
    flushing.current = true;
    try {
      await flushPlayLog(await store(), (batch) => send(s, batch));
    } catch {
      countError();
    } finally {
      flushing.current = false;
    }
  }, []);

  useEffect(() => {
    if (!socket) return;
    const onConnect = () => void flush();
    socket.on('connect', onConnect);
    if (socket.connected) void flush();
    const every = setInterval(onConnect, FLUSH_EVERY_MS);
    return () => {
      socket.off('connect', onConnect);
      clearInterval(every);
    };
  }, [socket, flush]);

  const record = useCallback(
    (play: PlayInput) => {
      setRecorded((n) => n + 1);
      void store()
        .then((s) => s.add({ id: uuid(), ...play }))
        .catch(() => countError());
      // Armed by the first play not yet sent and not pushed back by later ones: with several
      // regions and a ticker, plays end more often than FLUSH_DELAY_MS apart, and a debounce
      // would wait for the once-a-minute flush instead.
      if (!timer.current) {
        timer.current = setTimeout(() => {
          timer.current = null;
          void flush();
        }, FLUSH_DELAY_MS);
      }
    },
    [flush],
  );
  return { record, recorded };
}
