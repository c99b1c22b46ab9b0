import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { DecisionRecord, RankerChoice } from '@vitrina/models/ranker-choice';

/** What the training child needs: everything by value, nothing shared with the server's memory. */
export interface TrainJob {
  dbFile: string;
  artifactRoot: string;
  incumbent: RankerChoice | null;
  seed: number;
  epochs: number;
  minCustomers: number;
  margin: number;
  label: string;
}

export type JobMessage = { type: 'phase'; phase: string } | { type: 'decision'; record: DecisionRecord } | { type: 'error'; message: string };

export interface RunOptions {
  /** V8 old-space limit of the child: a big store's training cannot take the server's memory. */
  memoryMb: number;
  onPhase(phase: string): void;
}

export interface TrainingRun {
  done: Promise<DecisionRecord>;
  kill(): void;
}

/** What the chain-gate child needs (gate-job.ts): the chain model is already written to `artifactDir`. */
export interface ChainGateJob {
  dbFile: string;
  artifactDir: string;
  version: string;
  sha256: string;
  incumbent: RankerChoice | null;
  seed: number;
  margin: number;
  minCustomers: number;
  label: string;
}

/**
 * The jobs' niceness: the parent sets the child's main thread at once, and the job sets every
 * thread of its own at its start (`setProcessNiceness`: a child of a server at -5 inherits -5
 * in the V8 and libuv threads that exist before its first line runs).
 */
export const JOB_NICENESS = 15;

const TRAIN_ENTRY = fileURLToPath(new URL('./train-job.ts', import.meta.url));
const GATE_ENTRY = fileURLToPath(new URL('./gate-job.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Trains in a child process so the server's event loop, heap and scans are untouched: the
 * child gets its own heap limit and the lowest useful CPU priority (the tills and kiosks win
 * on a 2-core box). It resolves with the decision, or rejects with why the run failed.
 */
export function runTrainingProcess(job: TrainJob, opts: RunOptions): TrainingRun {
  return runJobProcess(TRAIN_ENTRY, job, opts);
}

/**
 * Judges a chain model in a child process the same way (gate-job.ts): reading every receipt and
 * scoring the held-out shoppers through two models grows with the store's history, and in the
 * server's own process all of it ran on the event loop that scans and tills need.
 */
export function runChainGateProcess(job: ChainGateJob, opts: RunOptions): TrainingRun {
  return runJobProcess(GATE_ENTRY, job, opts);
}

function runJobProcess(entry: string, job: TrainJob | ChainGateJob, opts: RunOptions): TrainingRun {
  const child = fork(entry, [JSON.stringify(job)], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx', `--max-old-space-size=${opts.memoryMb}`],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  try {
    if (child.pid) setPriority(child.pid, JOB_NICENESS);
  } catch {
    // Lowering priority is best effort (some containers refuse it).
  }
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const done = new Promise<DecisionRecord>((resolve, reject) => {
    let record: DecisionRecord | null = null;
    let error: string | null = null;
    child.on('message', (msg: JobMessage) => {
      if (msg.type === 'phase') opts.onPhase(msg.phase);
      else if (msg.type === 'decision') record = msg.record;
      else error = msg.message;
    });
    child.on('error', (err) => reject(err));
    child.on('exit', (code, signal) => {
      if (record) resolve(record);
      else if (error) reject(new Error(error));
      else {
        const oom = /heap out of memory|Allocation failed/i.test(stderr) ? ` (out of memory at ${opts.memoryMb} MB)` : '';
        reject(new Error(`training process ended with ${signal ?? `code ${code}`}${oom}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
      }
    });
  });
  return { done, kill: () => child.kill('SIGTERM') };
}
