import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainAndDecide, type Basket, type DecisionRecord, type Incumbent } from '@vitrina/models';
import type { ChainModelState } from '@vitrina/contracts';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import type { ChainAnalyticsRepository } from '../analytics/analytics-repository.js';
import type { PublishService } from '../publish/service.js';

export interface ChainModelOptions {
  /** Promoted artifacts are written to `<artifactRoot>/<version>/` before they are published. */
  artifactRoot: string;
  minCustomers: number;
  epochs: number;
  seed?: number;
  margin?: number;
  log: { info(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void };
}

/** Decisions kept in memory for the console (the published ones are also in hq_publications). */
const KEPT = 20;

/**
 * The chain model: the store lifecycle's pipeline (`trainAndDecide`, models/src/lifecycle) run on
 * every store's receipts at once — a shopper is (store, customer), so no store's shoppers are
 * merged with another's — with the last published chain model as the incumbent. A promoted model
 * goes to the `vitrina_models` object store and a `model` message to every store, whose own gate
 * (usecases/model-lifecycle `gateChainModel`) decides whether it serves there.
 *
 * Training runs in head office's process: ingest waits meanwhile (JetStream keeps the messages,
 * the consumer resumes), which a head-office box can afford and a store's till path could not.
 */
export class ChainModel {
  private running = false;
  private decisions: ChainModelState['decisions'] = [];
  private published: { version: string; artifactDir: string; sha256: string } | null = null;

  constructor(
    private readonly analytics: ChainAnalyticsRepository,
    private readonly publish: PublishService,
    private readonly opts: ChainModelOptions,
  ) {}

  state(): ChainModelState {
    return { training: this.running, decisions: [...this.decisions].reverse() };
  }

  /** Starts a run in the background; a second request while one runs is refused. */
  trainInBackground(by: string): { started: true } {
    if (this.running) throw new VitrinaError('VITRINA_ERR_TRAINING_RUNNING', 'A chain training run is in progress.');
    void this.train(by).catch((err) => this.opts.log.error({ err }, 'chain model training failed'));
    return { started: true };
  }

  async train(by: string): Promise<DecisionRecord> {
    if (this.running) throw new VitrinaError('VITRINA_ERR_TRAINING_RUNNING', 'A chain training run is in progress.');
    this.running = true;
    try {
      const baskets = await this.baskets();
      const stores = new Set(baskets.map((b) => b.customerId.split(':')[0])).size;
      const incumbent: Incumbent | null = this.published
        ? { choice: { kind: 'model', ...this.published }, onnx: readFileSync(join(this.published.artifactDir, 'model.onnx')) }
        : null;
      const record = await trainAndDecide(baskets, incumbent, {
        seed: this.opts.seed ?? 42, minCustomers: this.opts.minCustomers, margin: this.opts.margin ?? 2,
        artifactRoot: this.opts.artifactRoot, label: 'chain', train: { epochs: this.opts.epochs },
      });
      let modelId: string | null = null;
      if (record.outcome === 'promoted' && record.served.kind === 'model') {
        const dir = record.served.artifactDir;
        const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as object;
        await this.publish.model(record.served.version, readFileSync(join(dir, 'model.onnx')), manifest, by);
        this.published = { version: record.served.version, artifactDir: dir, sha256: record.served.sha256 };
        modelId = record.served.version;
      }
      this.decisions.push({
        at: record.finishedAt, outcome: record.outcome, reason: record.reason, customers: record.customers, baskets: record.baskets,
        stores, modelId, published: modelId !== null, methods: record.methods,
      });
      this.decisions = this.decisions.slice(-KEPT);
      this.opts.log.info({ outcome: record.outcome, modelId }, `chain model: ${record.reason}`);
      return record;
    } finally {
      this.running = false;
    }
  }

  /** Sale receipts with a member, as baskets of distinct products, customers and receipts keyed by store. */
  private async baskets(): Promise<Basket[]> {
    const byReceipt = new Map<string, Basket>();
    for (const row of await this.analytics.basketLines()) {
      let b = byReceipt.get(row.receipt);
      if (!b) {
        b = { customerId: row.customer, basketId: row.receipt, t: Date.parse(row.at), items: [] };
        byReceipt.set(row.receipt, b);
      }
      if (!b.items.includes(row.productId)) b.items.push(row.productId);
    }
    return [...byReceipt.values()];
  }
}
