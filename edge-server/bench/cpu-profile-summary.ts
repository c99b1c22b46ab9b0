/**
 * A .cpuprofile (node --cpu-prof) as text: self time by function and by source area (our
 * rooms under edge-server/src, @vitrina/models, node_modules packages, node internals, GC/idle).
 *
 *   npx tsx edge-server/bench/cpu-profile-summary.ts <file.cpuprofile> [--top 25]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
const file = process.argv[2]!;
const top = process.argv.includes('--top') ? Number(process.argv[process.argv.indexOf('--top') + 1]) : 25;
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

// Self time per node from the sample deltas (µs).
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

function areaOf(url: string, fn: string) {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const src = /edge-server\/src\/((?:domains|usecases|platform)\/[^/]+|[^/]+)/.exec(url);
  if (src) return src[1]!;
  if (url.includes('/models/')) return '@vitrina/models';
  if (url.includes('/contracts/')) return '@vitrina/contracts';
  return url.replace(/^.*\/work\/[^/]+\//, '');
}

const byFn = new Map<string, number>(), byArea = new Map<string, number>();
for (const n of profile.nodes) {
  const us = selfUs.get(n.id) ?? 0;
  if (!us) continue;
  const area = areaOf(n.callFrame.url, n.callFrame.functionName);
  const fn = `${n.callFrame.functionName || '(anonymous)'} ${area}:${n.callFrame.lineNumber + 1}`;
  byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  byArea.set(area, (byArea.get(area) ?? 0) + us);
}
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms`;
process.stdout.write(`profile ${file}: ${(total / 1000).toFixed(0)} ms sampled\n\nby area (self time)\n`);
for (const [a, us] of [...byArea].sort((x, y) => y[1] - x[1]).slice(0, top)) process.stdout.write(`${pct(us)}  ${a}\n`);
process.stdout.write('\nby function (self time)\n');
for (const [f, us] of [...byFn].sort((x, y) => y[1] - x[1]).slice(0, top)) process.stdout.write(`${pct(us)}  ${f}\n`);

// `--long-tasks <ms>`: stretches of the main thread without an idle sample lasting at least <ms>
// (a till's transaction waits for every one of them between two statements), each with when it
// ran (wall clock, when the profile knows its start) and the functions that held it longest.
if (process.argv.includes('--long-tasks')) {
  const minMs = Number(process.argv[process.argv.indexOf('--long-tasks') + 1]);
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = (id: number) => {
    // The innermost frame of our own code (edge-server/src, models) on the sample's stack.
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = nodeById.get(cur)!.callFrame;
      if (/\/(edge-server\/src|models\/src)\//.test(f.url)) return `${f.functionName || '(anonymous)'} ${areaOf(f.url, f.functionName)}:${f.lineNumber + 1}`;
    }
    const f = nodeById.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} ${areaOf(f.url, f.functionName)}`;
  };
  let t = profile.startTime, runStart = -1, runUs = 0;
  const runFns = new Map<string, number>();
  const tasks: Array<{ atUs: number; ms: number; fns: Array<[string, number]> }> = [];
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const idle = nodeById.get(id)!.callFrame.functionName === '(idle)';
    if (idle) {
      if (runStart >= 0 && runUs / 1000 >= minMs) tasks.push({ atUs: runStart, ms: runUs / 1000, fns: [...runFns].sort((a, b) => b[1] - a[1]).slice(0, 4) });
      runStart = -1; runUs = 0; runFns.clear();
      return;
    }
    if (runStart < 0) runStart = t;
    const us = profile.timeDeltas[i + 1] ?? 0;
    runUs += us;
    const fn = ours(id);
    runFns.set(fn, (runFns.get(fn) ?? 0) + us);
  });
  process.stdout.write(`\nlong tasks (≥ ${minMs} ms without an idle sample): ${tasks.length}\n`);
  for (const task of tasks.sort((a, b) => b.ms - a.ms).slice(0, top)) {
    process.stdout.write(`${task.ms.toFixed(1).padStart(7)} ms at +${((task.atUs - profile.startTime) / 1e6).toFixed(1)} s: ${task.fns.map(([f, us]) => `${f} ${(us / 1000).toFixed(1)}`).join(' | ')}\n`);
  }
}
