/**
 * Entry of the chain-gate child process (run-training.ts forks it like the training child:
 * heap limit, CPU priority 15): measures the chain model head office published, already
 * written to its folder, on the store's own receipts (chain-gate.ts `gateChainArtifact`) and
 * sends the decision back. It never writes the database; the server records the decision.
 */
import { JOB_NICENESS, type ChainGateJob, type JobMessage } from './run-training.js';
import { setProcessNiceness } from '../../platform/process/niceness.js';
import { gateChainArtifact } from './chain-gate.js';

function send(msg: JobMessage): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(msg, () => resolve()) : resolve()));
}

setProcessNiceness(JOB_NICENESS);
const job = JSON.parse(process.argv[2] ?? '{}') as ChainGateJob;
send({ type: 'phase', phase: 'judging the chain model' })
  .then(() => gateChainArtifact(job))
  .then((record) => send({ type: 'decision', record }))
  .then(() => process.exit(0))
  .catch(async (err: unknown) => {
    await send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  });
