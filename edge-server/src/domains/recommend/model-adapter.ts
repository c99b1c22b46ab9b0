import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { FEATURE_CONTRACT, type HistoryBasket, type StoreAggregates } from '@vitrina/models/features';
import { modeOfChoice, type RankerChoice } from '@vitrina/models/ranker-choice';
import type { RepeatFirstOptions } from '@vitrina/models/features';
import { BaselineRanker } from './baseline-ranker.js';
import { warmUpOnnxRuntime } from './onnx-warm-up.js';
import type { HistorySource } from '../purchases/index.js';

export interface ModelHealth {
  /** loaded: an ONNX model serves; baseline: a named baseline serves by choice; fallback: a model was wanted but refused. */
  status: 'loaded' | 'baseline' | 'fallback';
  version: string | null;
  featureVersion: string;
  reason: string | null;
}

/** The part of models' model.json the server relies on. */
interface Manifest {
  format: string;
  modelVersion: string;
  featureContract: { version: string; names: string[] };
  onnxBytes: number;
  onnxSha256: string;
}

interface Loaded {
  session: ort.InferenceSession;
  version: string;
  /** The repeat-first mode the decision serves this model in (models' features/repeat-first.ts); null: the model's order. */
  repeatFirst: RepeatFirstOptions | null;
  inFlight: number;
  retired: boolean;
}

const INVALID = 'VITRINA_ERR_MODEL_INVALID';
const F = FEATURE_CONTRACT.names.length;

class ModelInvalid extends Error {}

/**
 * The one adapter over onnxruntime-node, and the store's ranker choice: its promoted model or
 * a named baseline (`use()`). It loads model.onnx + model.json from a folder,
 * refuses an artifact that does not match the feature contract this server runs, or whose
 * file is corrupt or truncated, and hot-swaps a new artifact: a scan in flight keeps the
 * session it started with, which is released only when its last run finishes. A refused
 * new artifact leaves the current model serving; with none, callers use the fallback.
 */
export class ModelAdapter {
  private current: Loaded | null = null;
  private reason: string | null = null;
  private watcher: FSWatcher | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private loading: Promise<ModelHealth>;
  private readonly baseline: BaselineRanker;
  /** The ranking mode of the model the last decision chose, attached to it when it loads. */
  private wantedRepeatFirst: RepeatFirstOptions | null = null;

  private constructor(
    private dir: string | null,
    history: HistorySource,
  ) {
    this.baseline = new BaselineRanker(history);
    this.loading = Promise.resolve(this.health());
  }

  /**
   * `dir` is a pinned artifact (MODEL_DIR) or null: a store serves only what it decided on its
   * own receipts, and the default baseline until then. Never throws for a bad artifact:
   * health() tells why the baseline serves.
   */
  static async open(dir: string | null, opts: { watch?: boolean; history: HistorySource }): Promise<ModelAdapter> {
    const adapter = new ModelAdapter(dir, opts.history);
    // onnxruntime's one-time start-up happens now, not at the first hot swap (onnx-warm-up.ts).
    await warmUpOnnxRuntime();
    if (dir) await adapter.reload();
    if (dir && opts.watch) adapter.watchDir();
    return adapter;
  }

  health(): ModelHealth {
    if (this.current) return { status: 'loaded', version: this.current.version, featureVersion: FEATURE_CONTRACT.version, reason: this.reason };
    return { status: this.reason ? 'fallback' : 'baseline', version: this.baseline.name, featureVersion: FEATURE_CONTRACT.version, reason: this.reason };
  }

  /**
   * Serves the store's decision: a model artifact (hot-swapped; a refused one leaves what
   * serves now in place) or a named baseline (the loaded model, if any, is retired).
   */
  use(choice: RankerChoice): Promise<ModelHealth> {
    this.loading = this.loading.then(async () => {
      if (choice.kind === 'model') {
        this.dir = choice.artifactDir;
        this.wantedRepeatFirst = modeOfChoice(choice);
        return this.load();
      }
      await this.baseline.use(choice.name);
      const model = this.current;
      this.current = null;
      this.reason = null;
      if (model) this.retire(model);
      return this.health();
    });
    return this.loading;
  }

  /** Scores candidates with the chosen baseline: used whenever no model is loaded. */
  scoreWithoutModel(history: readonly HistoryBasket[], agg: StoreAggregates, candidates: readonly string[]): Float32Array {
    return this.baseline.score(history, agg, candidates);
  }

  /** Loads the folder's artifact again (one load at a time, in call order). */
  reload(): Promise<ModelHealth> {
    this.loading = this.loading.then(() => this.load());
    return this.loading;
  }

  /**
   * Scores rows with the current model, with the ranking mode it is served in (read from the
   * same loaded model, so a hot swap mid-scan cannot pair one model's scores with another's
   * mode); null when no valid model is loaded.
   */
  async score(features: Float32Array, rows: number): Promise<{ scores: Float32Array; repeatFirst: RepeatFirstOptions | null } | null> {
    const model = this.current;
    if (!model) return null;
    if (rows === 0) return { scores: new Float32Array(0), repeatFirst: model.repeatFirst };
    model.inFlight++;
    try {
      const out = await model.session.run({ input: new ort.Tensor('float32', features, [rows, F]) });
      return { scores: out.score!.data as Float32Array, repeatFirst: model.repeatFirst };
    } finally {
      model.inFlight--;
      if (model.retired && model.inFlight === 0) void model.session.release();
    }
  }

  async close(): Promise<void> {
    this.watcher?.close();
    if (this.debounce) clearTimeout(this.debounce);
    await this.loading;
    const model = this.current;
    this.current = null;
    if (model) this.retire(model);
  }

  private watchDir(): void {
    if (!this.dir) return;
    try {
      this.watcher = watch(this.dir, () => {
        // model.onnx and model.json are renamed in one after the other: load once both settled.
        if (this.debounce) clearTimeout(this.debounce);
        this.debounce = setTimeout(() => void this.reload(), 250);
        this.debounce.unref();
      });
      this.watcher.on('error', () => undefined);
    } catch {
      // A missing folder cannot be watched; reload() still works when it appears.
    }
  }

  private retire(model: Loaded): void {
    model.retired = true;
    if (model.inFlight === 0) void model.session.release();
  }

  private async load(): Promise<ModelHealth> {
    if (!this.dir) return this.health();
    let next: Loaded;
    try {
      next = await this.readArtifact();
    } catch (err) {
      const why = err instanceof ModelInvalid ? err.message : `cannot read artifact: ${(err as Error).message}`;
      this.reason = this.current ? `${INVALID}: new artifact refused, still serving ${this.current.version}: ${why}` : `${INVALID}: ${why}`;
      return this.health();
    }
    const previous = this.current;
    this.current = next;
    this.reason = null;
    if (previous) this.retire(previous);
    return this.health();
  }

  private async readArtifact(): Promise<Loaded> {
    const dir = this.dir!;
    let manifest: Manifest;
    try {
      manifest = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as Manifest;
    } catch (err) {
      throw new ModelInvalid(`model.json unreadable in ${dir}: ${(err as Error).message}`);
    }
    const contract = manifest?.featureContract;
    if (manifest?.format !== 'vitrina-ranker' || typeof manifest.modelVersion !== 'string') throw new ModelInvalid('model.json is not a vitrina-ranker manifest');
    if (contract?.version !== FEATURE_CONTRACT.version) {
      throw new ModelInvalid(`feature contract ${String(contract?.version)} does not match this server's ${FEATURE_CONTRACT.version}`);
    }
    if (!Array.isArray(contract.names) || contract.names.join(',') !== FEATURE_CONTRACT.names.join(',')) {
      throw new ModelInvalid(`feature names differ from contract ${FEATURE_CONTRACT.version}`);
    }
    const bytes = await readFile(join(dir, 'model.onnx'));
    if (bytes.byteLength !== manifest.onnxBytes || createHash('sha256').update(bytes).digest('hex') !== manifest.onnxSha256) {
      throw new ModelInvalid(`model.onnx is ${bytes.byteLength} bytes and does not match model.json (${manifest.onnxBytes} bytes, sha256): truncated, corrupt or from another export`);
    }
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    } catch (err) {
      throw new ModelInvalid(`onnxruntime cannot load model.onnx: ${(err as Error).message}`);
    }
    try {
      if (!session.inputNames.includes('input') || !session.outputNames.includes('score')) throw new ModelInvalid('model.onnx must map input → score');
      const probe = await session.run({ input: new ort.Tensor('float32', new Float32Array(2 * F), [2, F]) });
      const data = probe.score?.data as Float32Array | undefined;
      if (!data || data.length !== 2 || !Number.isFinite(data[0]!)) throw new ModelInvalid('model.onnx does not produce one finite score per row');
    } catch (err) {
      await session.release();
      throw err instanceof ModelInvalid ? err : new ModelInvalid(`model.onnx fails on a probe row: ${(err as Error).message}`);
    }
    return { session, version: manifest.modelVersion, repeatFirst: this.wantedRepeatFirst, inFlight: 0, retired: false };
  }
}
