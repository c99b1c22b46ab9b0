import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { getPriority } from 'node:os';

/** Linux only (/proc), as the store box is. Runs a fresh node process that sets its niceness and prints every thread's niceness (field 19 of /proc/self/task/<tid>/stat). */
function nicenessOfEveryThreadAfter(niceness: number) {
  const script = `
    import { readdirSync, readFileSync } from 'node:fs';
    import { setProcessNiceness } from ${JSON.stringify(new URL('./niceness.ts', import.meta.url).href)};
    const result = setProcessNiceness(${niceness});
    const nice = readdirSync('/proc/self/task').map((tid) => Number(readFileSync('/proc/self/task/' + tid + '/stat', 'utf8').split(') ')[1].split(' ')[16]));
    console.log(JSON.stringify({ result, nice }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out) as { result: { ok: boolean; threads?: number }; nice: number[] };
}

describe('setProcessNiceness', () => {
  it('sets every thread of the process, not only the main thread', () => {
    // Raising a niceness needs no privilege, so this runs as any user.
    const { result, nice } = nicenessOfEveryThreadAfter(7);
    expect(result.ok).toBe(true);
    // V8's and libuv's threads exist before any of our code runs: a node process has several.
    expect(nice.length).toBeGreaterThan(3);
    expect(result.threads).toBe(nice.length);
    expect(new Set(nice)).toEqual(new Set([7]));
  });

  it('reports a niceness the OS refuses instead of throwing (the server starts anyway)', () => {
    const { result, nice } = nicenessOfEveryThreadAfter(99);
    expect(result.ok).toBe(false);
    expect(new Set(nice)).toEqual(new Set([getPriority()])); // unchanged: the niceness it was started with
  });
});
