import { loadSources } from './sources.js';
import { failAndExit, parseCliArgs } from './args.js';
import { averageSplits, EVAL_DEFAULTS, evaluateSplit, METHODS, type SplitResult } from '../eval/evaluate.js';
import { METRIC_NAMES } from '../eval/metrics.js';
import { skipLines } from '../data/skip-report.js';

/**
 * npm run eval -- [--dataset tafeng|completejourney | --input file | --from-db path] [--json]
 * Baselines and the model on the same test users; the table (or JSON lines) to stdout.
 */
async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  const started = Date.now();
  const sources = await loadSources(args);
  const train = { ...EVAL_DEFAULTS.train, progress: !args.json && !args['no-progress'] && process.stderr.isTTY, epochs: args.epochs ?? EVAL_DEFAULTS.train.epochs };
  const results: SplitResult[] = [];
  for (const ds of sources.splits) {
    if (!args.json) console.error(`evaluating ${ds.name}: ${ds.train.length} train / ${ds.val.length} val / ${ds.test.length} test users`);
    const r = await evaluateSplit(ds, { ...EVAL_DEFAULTS, cuts: args.cuts ?? EVAL_DEFAULTS.cuts, train });
    results.push(r);
    if (!args.json) console.error(`  model: trained in ${r.trainSeconds.toFixed(1)} s (best epoch ${r.bestEpoch}; held-out ndcg@10 mlp ${r.selection.mlp.toFixed(4)} vs gp-tie ${r.selection.gpTie.toFixed(4)} (se ${r.selection.se.toFixed(4)}) on ${r.selection.users} users → ${r.modelKind}), candidate recall ${r.candidateRecall.toFixed(4)}`);
  }
  const avg = averageSplits(results);
  const candidateRecall = results.reduce((s, r) => s + r.candidateRecall, 0) / results.length;
  const trainSeconds = results.reduce((s, r) => s + r.trainSeconds, 0) / results.length;
  const meta = { dataset: sources.label, splits: results.length, testUsers: results.map((r) => r.testUsers), skipped: sources.skipped, skipExamples: sources.skipExamples };
  if (args.json) {
    for (const m of METHODS) {
      const extra = m === 'Model' ? { candidateRecall, trainSecondsPerSplit: trainSeconds, kinds: results.map((r) => r.modelKind) } : {};
      console.log(JSON.stringify({ method: m, ...avg[m], ...extra, ...meta }));
    }
    return;
  }
  const header = ['method'.padEnd(20), ...METRIC_NAMES.map((n) => n.padStart(9))].join(' ');
  console.log(`dataset ${sources.label}, ${results.length} split(s), mean over splits, test users ${meta.testUsers.join('/')}`);
  console.log(header);
  for (const m of METHODS) console.log([m.padEnd(20), ...METRIC_NAMES.map((n) => avg[m][n].toFixed(4).padStart(9))].join(' '));
  console.log(`model candidate recall ${candidateRecall.toFixed(4)}; training ${trainSeconds.toFixed(1)} s per split; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  for (const line of skipLines(sources.skipped, sources.skipExamples)) console.log(line);
}

main().catch(failAndExit);
