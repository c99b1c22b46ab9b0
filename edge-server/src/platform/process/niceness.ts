import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * The edge server's default CPU niceness: ahead of everything else on the store box at 0 (the
 * kiosk's browser, a backup) and far ahead of its own batch work (training at 15, import parsing
 * and aggregate refreshes at 10). On 2 cores with one kept busy, scans and tills otherwise wait
 * for the scheduler behind the busy process (issue 14, scenario (e): `bench/profiles/priority.md`).
 */
export const SERVER_NICENESS = -5;

export type NicenessResult = { ok: true; niceness: number; threads: number } | { ok: false; niceness: number; reason: string };

/**
 * Gives every thread of this process the niceness `niceness`. On Linux a niceness belongs to a
 * thread, not to the process: `setPriority(pid)` changes only the main thread, and V8's and
 * libuv's threads that already exist keep theirs, so each thread in /proc/self/task is set.
 * Threads started later inherit the niceness of the thread that starts them. Elsewhere, the
 * process as the OS defines it.
 *
 * Best effort, never throws: lowering a niceness below 0 needs root or CAP_SYS_NICE (systemd's
 * `Nice=` does it for the service: deploy/systemd/vitrina-edge.service); the caller logs `reason`.
 */
export function setProcessNiceness(niceness: number): NicenessResult {
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    threads = [];
  }
  try {
    if (threads.length === 0) {
      setPriority(niceness);
      return { ok: true, niceness, threads: 1 };
    }
    for (const tid of threads) setPriority(Number(tid), niceness);
    return { ok: true, niceness, threads: threads.length };
  } catch (err) {
    return { ok: false, niceness, reason: err instanceof Error ? err.message : String(err) };
  }
}
