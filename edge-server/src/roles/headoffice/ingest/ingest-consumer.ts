import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { CONSUMERS, STREAMS } from '@vitrina/contracts';
import { decodeUpMessage } from './decode.js';
import type { BatchEntry, Delivery, IngestRepository, Outcome } from './ingest-repository.js';

export interface IngestCounters {
  stored: number;
  duplicates: number;
  refused: number;
  /** Messages handed back to JetStream (nak) because the database write failed; they come again. */
  retried: number;
  /** Transactions written (each holds one or more messages). */
  batches: number;
}

type Log = { info(obj: unknown, msg?: string): void; warn(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void };

/** Redelivery delay after a failed write (the database busy or full): JetStream keeps the message. */
const RETRY_MS = 2_000;
/** Most messages written in one SQLite transaction (figures: roles/headoffice/README.md). */
export const DEFAULT_MAX_BATCH = 256;

type Msg = Pick<JsMsg, 'subject' | 'data' | 'seq' | 'ack' | 'nak'>;

/**
 * Head office's ingest: the durable consumer `hq-ingest` on VITRINA_UP with explicit acks.
 * Messages are written in batches: what arrived while the previous transaction ran is the next
 * batch (one message when the chain is quiet, up to `maxBatch` under load), in one SQLite
 * transaction, and every message of a batch is acknowledged only after that commit. A failed
 * transaction is retried one message per transaction (the keys make the second pass change
 * nothing), so only a message that cannot be written is nak'ed and redelivered. A refused
 * message (malformed, another store's envelope) is written to `hq_dead_letters` with its code in
 * the same transaction and acknowledged: it must never block the stream. Nothing a message
 * contains can stop the loop.
 */
export class IngestConsumer {
  readonly counters: IngestCounters = { stored: 0, duplicates: 0, refused: 0, retried: 0, batches: 0 };
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];
  private buffer: Msg[] = [];
  private writing: Promise<void> | null = null;

  constructor(
    private readonly js: JetStreamClient,
    private readonly repo: IngestRepository,
    private readonly log: Log,
    private readonly now: () => Date = () => new Date(),
    private readonly maxBatch = DEFAULT_MAX_BATCH,
  ) {}

  async start(): Promise<void> {
    const consumer = await this.js.consumers.get(STREAMS.hubUp, CONSUMERS.hqIngest);
    this.messages = await consumer.consume({ max_messages: Math.max(256, this.maxBatch) });
    this.loop = this.run(this.messages);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.messages?.close();
    await this.loop;
    await this.writing;
  }

  /** Writes one batch in one transaction, then acks every message of it (or naks them all). */
  async handleBatch(batch: readonly Msg[]): Promise<void> {
    const ingestedAt = this.now().toISOString();
    const entries: BatchEntry[] = batch.map((m) => {
      const delivery: Delivery = { stream: STREAMS.hubUp, streamSeq: m.seq, subject: m.subject, ingestedAt };
      const decoded = decodeUpMessage(m.subject, m.data);
      return decoded.ok ? { delivery, item: decoded.item } : { delivery, refusal: decoded.refusal, body: m.data };
    });
    let outcomes: Outcome[];
    try {
      outcomes = await this.repo.applyBatch(entries);
    } catch (err) {
      // One message that cannot be written must not hold back the others: the batch is tried
      // again one message per transaction, so only the failing one goes back to JetStream.
      if (batch.length > 1) {
        for (const m of batch) await this.handleBatch([m]);
        return;
      }
      this.counters.retried++;
      this.log.error({ err, subject: batch[0]!.subject, seq: batch[0]!.seq }, 'chain ingest write failed; the message will be redelivered');
      batch[0]!.nak(RETRY_MS);
      return;
    }
    this.counters.batches++;
    batch.forEach((m, i) => {
      const outcome = outcomes[i]!;
      if (outcome === 'stored') this.counters.stored++;
      else if (outcome === 'duplicate') this.counters.duplicates++;
      else {
        this.counters.refused++;
        const e = entries[i] as Extract<BatchEntry, { refusal: unknown }>;
        this.log.warn({ code: e.refusal.code, subject: m.subject, seq: m.seq, reason: e.refusal.reason }, 'chain message refused');
      }
      m.ack();
    });
  }

  /** Resolves once the consumer has nothing pending or in flight (tests, the bench). */
  async whenCaughtUp(): Promise<void> {
    const consumer = await this.js.consumers.get(STREAMS.hubUp, CONSUMERS.hqIngest);
    for (;;) {
      const info = await consumer.info();
      if (info.num_pending === 0 && info.num_ack_pending === 0 && this.buffer.length === 0 && !this.writing) return;
      await new Promise<void>((resolve) => {
        this.idleWaiters.push(resolve);
        setTimeout(resolve, 100).unref();
      });
    }
  }

  /** Takes messages as they come; a writer drains what piled up meanwhile, one batch at a time, in order. */
  private async run(messages: ConsumerMessages): Promise<void> {
    try {
      for await (const m of messages) {
        this.buffer.push(m);
        this.writing ??= this.drain();
      }
    } catch (err) {
      if (!this.stopped) this.log.error({ err }, 'chain ingest consumer stopped');
    }
  }

  private async drain(): Promise<void> {
    try {
      while (this.buffer.length > 0) await this.handleBatch(this.buffer.splice(0, this.maxBatch));
    } finally {
      this.writing = null;
      for (const w of this.idleWaiters.splice(0)) w();
    }
  }
}
