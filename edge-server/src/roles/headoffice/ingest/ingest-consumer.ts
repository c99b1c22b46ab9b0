import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { CONSUMERS, STREAMS } from '@vitrina/contracts';
import { decodeUpMessage } from './decode.js';
import type { Delivery, IngestRepository } from './ingest-repository.js';

export interface IngestCounters {
  stored: number;
  duplicates: number;
  refused: number;
  /** Messages handed back to JetStream (nak) because the database write failed; they come again. */
  retried: number;
}

type Log = { info(obj: unknown, msg?: string): void; warn(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void };

/** Redelivery delay after a failed write (the database busy or full): JetStream keeps the message. */
const RETRY_MS = 2_000;

/**
 * Head office's ingest: the durable consumer `hq-ingest` on VITRINA_UP with explicit acks. A
 * message is acknowledged only after its upsert (or its dead letter) has committed, so a crash
 * between the two redelivers it, and the key makes the second delivery change nothing. A refused
 * message (malformed, another store's envelope) is written to `hq_dead_letters` with its code and
 * acknowledged: it must never block the stream. Nothing a message contains can stop the loop.
 */
export class IngestConsumer {
  readonly counters: IngestCounters = { stored: 0, duplicates: 0, refused: 0, retried: 0 };
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly js: JetStreamClient,
    private readonly repo: IngestRepository,
    private readonly log: Log,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(): Promise<void> {
    const consumer = await this.js.consumers.get(STREAMS.hubUp, CONSUMERS.hqIngest);
    this.messages = await consumer.consume({ max_messages: 256 });
    this.loop = this.run(this.messages);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.messages?.close();
    await this.loop;
  }

  /** Handles one delivery; exported for the consumer's tests through `start`, used by the loop. */
  async handle(m: Pick<JsMsg, 'subject' | 'data' | 'seq' | 'ack' | 'nak'>): Promise<void> {
    const d: Delivery = { stream: STREAMS.hubUp, streamSeq: m.seq, subject: m.subject, ingestedAt: this.now().toISOString() };
    const decoded = decodeUpMessage(m.subject, m.data);
    try {
      if (!decoded.ok) {
        await this.repo.deadLetter(decoded.refusal, d, m.data);
        this.counters.refused++;
        this.log.warn({ code: decoded.refusal.code, subject: m.subject, seq: m.seq, reason: decoded.refusal.reason }, 'chain message refused');
      } else if ((await this.repo.apply(decoded.item, d)) === 'stored') this.counters.stored++;
      else this.counters.duplicates++;
      m.ack();
    } catch (err) {
      this.counters.retried++;
      this.log.error({ err, subject: m.subject, seq: m.seq }, 'chain ingest write failed; the message will be redelivered');
      m.nak(RETRY_MS);
    }
  }

  /** Resolves once the consumer has nothing pending or in flight (tests, the bench). */
  async whenCaughtUp(): Promise<void> {
    const consumer = await this.js.consumers.get(STREAMS.hubUp, CONSUMERS.hqIngest);
    for (;;) {
      const info = await consumer.info();
      if (info.num_pending === 0 && info.num_ack_pending === 0) return;
      await new Promise<void>((resolve) => {
        this.idleWaiters.push(resolve);
        setTimeout(resolve, 100).unref();
      });
    }
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    try {
      for await (const m of messages) {
        await this.handle(m);
        for (const w of this.idleWaiters.splice(0)) w();
      }
    } catch (err) {
      if (!this.stopped) this.log.error({ err }, 'chain ingest consumer stopped');
    }
  }
}
