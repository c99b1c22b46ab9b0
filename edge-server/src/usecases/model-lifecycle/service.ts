import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecommendationsState } from '@vitrina/contracts';
import { DEFAULT_BASELINE, isBaselineName, type DecisionRecord, type RankerChoice } from '@vitrina/models/ranker-choice';
import type { Recommender } from '../../domains/recommend/index.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { DecisionsRepository, TrainingTrigger } from './repository.js';
import type { ChainGateJob, RunOptions, TrainJob, TrainingRun } from './run-training.js';
import { nextRunAt } from './schedule.js';
import { gateChainArtifact, writeChainArtifact, type ChainModelArtifact } from './chain-gate.js';

export interface ModelLifecycleOptions {
  /** The store's SQLite file (the child reads it read-only); null for an in-memory database: no training. */
  dbFile: string | null;
  /** Promoted models go to `<artifactRoot>/<version>/`, beside the database, never into the repository. */
  artifactRoot: string;
  /** MODEL_DIR when set: the served model before the first decision, measured as the incumbent. */
  pinnedModelDir: string | null;
  timeZone: string;
  /** Store-local hour of the nightly run; null: no schedule. */
  hour: number | null;
  minCustomers: number;
  epochs: number;
  memoryMb: number;
  label: string;
  /** Seed of the customer split: the same receipts give the same decision. */
  seed?: number;
  /** Paired standard errors a candidate must clear (see models/src/lifecycle). */
  margin?: number;
  run: (job: TrainJob, opts: RunOptions) => TrainingRun;
  /** Where a chain model is judged: a child process in the server (runChainGateProcess); absent, in this process. */
  runGate?: (job: ChainGateJob, opts: RunOptions) => TrainingRun;
  log: { info(obj: unknown, msg: string): void; warn(obj: unknown, msg: string): void; error(obj: unknown, msg: string): void };
}

/** Decisions shown on the console page. */
const SHOWN_DECISIONS = 20;
/** First-start training waits this long so boot, seeding and the first scans are not contended. */
const FIRST_START_DELAY_MS = 5_000;

/**
 * The store's model lifecycle: what serves (restored from the last decision at boot), one
 * training run at a time on the store's own receipts (nightly, on demand, and once on first
 * start), each run's decision recorded and applied to the recommender (hot swap).
 */
export class ModelLifecycle {
  private running: { trigger: TrainingTrigger; startedAt: string; phase: string; run: TrainingRun | null; done: Promise<void> } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextAt: Date | null = null;
  private stopped = false;
  /** A chain model being judged in its child process (stop() ends it). */
  private gateRun: TrainingRun | null = null;

  constructor(
    private readonly repo: DecisionsRepository,
    private readonly recommend: Pick<Recommender, 'useRanker' | 'health'>,
    private readonly opts: ModelLifecycleOptions,
  ) {}

  /** Serves what the last decision chose; before any decision the pinned model or the default baseline serve. */
  async restore(): Promise<void> {
    const served = await this.repo.served();
    if (!served) return;
    const health = await this.recommend.useRanker(served);
    if (health.status === 'fallback') this.opts.log.warn({ reason: health.reason }, 'the store model of the last decision was refused; serving a baseline');
  }

  /** Nightly runs at the store-local hour, and a first run when the store has never decided. */
  async startBackground({ firstStart }: { firstStart: boolean }): Promise<void> {
    this.scheduleNext();
    if (firstStart && this.opts.dbFile && (await this.repo.latest(1)).length === 0) {
      setTimeout(() => {
        if (!this.stopped && !this.running) this.start('first-start');
      }, FIRST_START_DELAY_MS).unref();
    }
  }

  /** Starts a run now; a second request while one runs is refused with VITRINA_ERR_TRAINING_RUNNING. */
  trainNow(trigger: TrainingTrigger = 'manual'): { started: true; startedAt: string } {
    if (this.running) {
      throw new VitrinaError('VITRINA_ERR_TRAINING_RUNNING', `A training run (${this.running.trigger}) started at ${this.running.startedAt} is still ${this.running.phase}.`);
    }
    if (!this.opts.dbFile) throw new VitrinaError('VITRINA_ERR_CONFLICT', 'An in-memory store database cannot be trained on.');
    return { started: true, startedAt: this.start(trigger) };
  }

  /** Resolves when no run is in progress (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running.done;
  }

  async state(): Promise<RecommendationsState> {
    const health = this.recommend.health();
    const decisions = await this.repo.latest(SHOWN_DECISIONS);
    return {
      serving: { status: health.status, ranker: health.version, reason: health.reason },
      training: { running: !!this.running, trigger: this.running?.trigger ?? null, phase: this.running?.phase ?? null, startedAt: this.running?.startedAt ?? null },
      schedule: { hour: this.opts.hour, timeZone: this.opts.timeZone, nextRunAt: this.nextAt?.toISOString() ?? null, minCustomers: this.opts.minCustomers },
      decisions: decisions.map((d) => ({ ...d, split: d.split ?? null, candidate: d.candidate ?? null })),
    };
  }

  /**
   * The chain model head office published: judged by the store's gate on its own receipts
   * against what it serves now (chain-gate.ts), recorded as a 'chain' decision, and served only
   * when it won. Waits for a training run in progress; a store without a database file, or with
   * too few shoppers to judge, keeps what it serves.
   */
  async gateChainModel(model: ChainModelArtifact): Promise<{ outcome: string; served: string; reason: string }> {
    await this.whenIdle();
    if (!this.opts.dbFile) throw new VitrinaError('VITRINA_ERR_CONFLICT', 'An in-memory store database cannot judge a chain model.');
    const incumbent = (await this.repo.served()) ?? this.pinnedChoice();
    const artifactDir = writeChainArtifact(model, this.opts.artifactRoot);
    const job: ChainGateJob = {
      dbFile: this.opts.dbFile, artifactDir, version: model.version, sha256: model.sha256, incumbent, seed: this.opts.seed ?? 42,
      margin: this.opts.margin ?? 2, minCustomers: this.opts.minCustomers, label: this.opts.label,
    };
    // Reading every receipt and scoring the held-out shoppers twice grows with the history: off the event loop.
    let record: DecisionRecord;
    if (this.opts.runGate) {
      this.gateRun = this.opts.runGate(job, { memoryMb: this.opts.memoryMb, onPhase: () => undefined });
      try {
        record = await this.gateRun.done;
      } finally {
        this.gateRun = null;
      }
    } else {
      record = await gateChainArtifact(job);
    }
    await this.repo.insert('chain', record);
    const health = record.outcome === 'promoted' ? await this.recommend.useRanker(record.served) : this.recommend.health();
    this.opts.log.info({ outcome: record.outcome, served: health.version, status: health.status }, `chain model decision: ${record.reason}`);
    return { outcome: record.outcome, served: health.version ?? 'none', reason: record.reason };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.running?.run?.kill();
    this.gateRun?.kill();
    await this.running?.done;
  }

  private scheduleNext(): void {
    if (this.opts.hour === null || this.stopped) return;
    this.nextAt = nextRunAt(new Date(), this.opts.hour, this.opts.timeZone);
    this.timer = setTimeout(() => {
      if (!this.running) this.start('schedule');
      this.scheduleNext();
    }, Math.max(1_000, this.nextAt.getTime() - Date.now()));
    this.timer.unref();
  }

  private start(trigger: TrainingTrigger): string {
    const startedAt = new Date().toISOString();
    const state = { trigger, startedAt, phase: 'starting', run: null as TrainingRun | null, done: Promise.resolve() };
    this.running = state;
    state.done = this.execute(state).finally(() => {
      this.running = null;
    });
    return startedAt;
  }

  private async execute(state: { trigger: TrainingTrigger; startedAt: string; phase: string; run: TrainingRun | null }): Promise<void> {
    const incumbent = (await this.repo.served()) ?? this.pinnedChoice();
    const job: TrainJob = {
      dbFile: this.opts.dbFile!, artifactRoot: this.opts.artifactRoot, incumbent, seed: this.opts.seed ?? 42,
      epochs: this.opts.epochs, minCustomers: this.opts.minCustomers, margin: this.opts.margin ?? 2, label: this.opts.label,
    };
    let record: DecisionRecord;
    try {
      state.run = this.opts.run(job, { memoryMb: this.opts.memoryMb, onPhase: (p) => (state.phase = p) });
      record = await state.run.done;
    } catch (err) {
      if (this.stopped) return;
      const reason = `training failed: ${(err as Error).message}`;
      this.opts.log.error({ err }, 'model training failed; the served ranker stays');
      const serving = this.recommend.health().version;
      const served: RankerChoice = incumbent ?? { kind: 'baseline', name: isBaselineName(serving) ? serving : DEFAULT_BASELINE };
      await this.repo.insert(state.trigger, {
        startedAt: state.startedAt, finishedAt: new Date().toISOString(), dataWindow: { from: null, to: null }, customers: 0, baskets: 0,
        split: null, methods: [], outcome: 'failed', served, reason, candidate: null,
      });
      return;
    }
    if (this.stopped) return;
    state.phase = 'recording';
    await this.repo.insert(state.trigger, record);
    const health = await this.recommend.useRanker(record.served);
    this.opts.log.info({ outcome: record.outcome, served: health.version, status: health.status }, `model decision: ${record.reason}`);
  }

  /** MODEL_DIR's artifact, when it is what serves before the store's first decision. */
  private pinnedChoice(): RankerChoice | null {
    const dir = this.opts.pinnedModelDir;
    const health = this.recommend.health();
    if (!dir || health.status !== 'loaded') return null;
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as { modelVersion: string; onnxSha256: string };
      return { kind: 'model', version: manifest.modelVersion, artifactDir: dir, sha256: manifest.onnxSha256 };
    } catch {
      return null;
    }
  }
}
