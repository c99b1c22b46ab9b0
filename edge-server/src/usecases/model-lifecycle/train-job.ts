/**
 * Entry of the training child process (run-training.ts forks it with a heap limit and a low
 * CPU priority): reads the store's receipts read-only, runs the models package's lifecycle,
 * and sends the decision back. It never writes the database; the server records the decision.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSqliteHistory, trainAndDecide, type Incumbent } from '@vitrina/models';
import { JOB_NICENESS, type TrainJob, type JobMessage } from './run-training.js';
import { setProcessNiceness } from '../../platform/process/niceness.js';

function send(msg: JobMessage): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(msg, () => resolve()) : resolve()));
}

async function main(job: TrainJob): Promise<void> {
  await send({ type: 'phase', phase: 'reading receipts' });
  const { baskets } = await loadSqliteHistory(job.dbFile);
  let incumbent: Incumbent | null = null;
  if (job.incumbent) {
    incumbent = { choice: job.incumbent };
    if (job.incumbent.kind === 'model') {
      // A served model whose file is gone is not measured; it then cannot block a better candidate.
      try {
        incumbent.onnx = readFileSync(join(job.incumbent.artifactDir, 'model.onnx'));
      } catch {
        incumbent = null;
      }
    }
  }
  const record = await trainAndDecide(baskets, incumbent, {
    seed: job.seed, minCustomers: job.minCustomers, margin: job.margin, artifactRoot: job.artifactRoot, label: job.label,
    train: { epochs: job.epochs },
    onPhase: (phase) => void send({ type: 'phase', phase }),
  });
  await send({ type: 'decision', record });
}

setProcessNiceness(JOB_NICENESS);
const job = JSON.parse(process.argv[2] ?? '{}') as TrainJob;
main(job)
  .then(() => process.exit(0))
  .catch(async (err: unknown) => {
    await send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  });
