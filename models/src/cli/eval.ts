import { loadSources } from './sources.js';
import { failAndExit, parseCliArgs } from './args.js';
import { EVAL_DEFAULTS, evaluateSplit, METHODS, type Method, type SplitResult } from '../eval/evaluate.js';
import { METRIC_NAMES } from '../eval/metrics.js';
import { REPEAT_EXPLORE_NAMES } from '../eval/repeat-explore.js';
import { meanSe, summariseMethods, type MeanSe, type MethodSummary } from '../eval/summary.js';
import { skipLines } from '../data/skip-report.js';
import { describeMode } from '../eval/scored-rows.js';

/**
 * npm run eval -- [--dataset tafeng|completejourney | --input file | --from-db path] [--json]
 * Baselines and the model on the same test users; the table (or JSON lines) to stdout.
 */
async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  const started = Date.now();
  const sources = await loadSources(args);
  const train = { ...EVAL_DEFAULTS.train, ...(args.hidden ? { hidden: args.hidden } : {}), ...(args.ensemble ? { ensemble: args.ensemble } : {}), progress: !args.json && !args['no-progress'] && process.stderr.isTTY, epochs: args.epochs ?? EVAL_DEFAULTS.train.epochs };
  const results: SplitResult[] = [];
  for (const ds of sources.splits) {
    if (!args.json) console.error(`evaluating ${ds.name}: ${ds.train.length} train / ${ds.val.length} val / ${ds.test.length} test users`);
    const r = await evaluateSplit(ds, { ...EVAL_DEFAULTS, cuts: args.cuts ?? EVAL_DEFAULTS.cuts, train });
    results.push(r);
    // Each split's own table as it finishes (stderr), so a long run shows its figures early.
    if (!args.json && sources.splits.length > 1) for (const line of methodTable(summariseMethods([r.perUser], METHODS, 'Model'))) console.error(`  ${line}`);
    // With --json the split's figures go to stderr as one JSON line, so a run stopped early still leaves them.
    if (args.json) console.error(JSON.stringify({ split: r.name, testUsers: r.testUsers, methods: r.methods, served: servedName(r), repeatFirst: { mode: describeMode(r.repeatFirst.mode), validationNdcg10: r.repeatFirst.validationNdcg10 }, bestEpoch: r.bestEpoch, modelKind: r.modelKind, selection: r.selection, candidateRecall: r.candidateRecall, trainSeconds: r.trainSeconds }));
    if (!args.json) console.error(`  model: trained in ${r.trainSeconds.toFixed(1)} s (best epoch ${r.bestEpoch}; held-out ndcg@10 mlp ${r.selection.mlp.toFixed(4)} vs best baseline ${r.selection.best} ${r.selection.baselines[r.selection.best].toFixed(4)} (paired se ${r.selection.se.toFixed(4)}; gp-tie ${r.selection.gpTie.toFixed(4)}) on ${r.selection.users} users → exported ${r.modelKind}), candidate recall ${r.candidateRecall.toFixed(4)}`);
    if (!args.json) console.error(`  ${describeMode(r.repeatFirst.mode)} chosen on validation; validation ndcg@10 ${Object.entries(r.repeatFirst.validationNdcg10).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ')}`);
    if (!args.json) console.error(`  served: ${servedName(r)} — ${r.served.reason} (validation users)`);
  }
  const avg = summariseMethods(results.map((r) => r.perUser), METHODS, 'Model');
  // Served (and repeat-first) − each baseline on the test users: how far each is from every baseline.
  const servedVs = summariseMethods(results.map((r) => r.perUser), METHODS, 'Served');
  const repeatFirstVs = summariseMethods(results.map((r) => r.perUser), METHODS, 'Model, repeat-first');
  const baselines = METHODS.filter((m) => m !== 'Model' && m !== 'Model, repeat-first' && m !== 'Served');
  const bestBaseline = baselines.reduce((a, b) => (avg[b]['ndcg@10'] > avg[a]['ndcg@10'] ? b : a));
  const candidateRecall = results.reduce((s, r) => s + r.candidateRecall, 0) / results.length;
  const trainSeconds = results.reduce((s, r) => s + r.trainSeconds, 0) / results.length;
  const meta = { dataset: sources.label, splits: results.length, testUsers: results.map((r) => r.testUsers), skipped: sources.skipped, skipExamples: sources.skipExamples };
  if (args.json) {
    for (const m of METHODS) {
      const extra =
        m === 'Model' ? { candidateRecall, trainSecondsPerSplit: trainSeconds, kinds: results.map((r) => r.modelKind), selections: results.map((r) => r.selection) }
        : m === 'Model, repeat-first' ? { modes: results.map((r) => describeMode(r.repeatFirst.mode)), validationNdcg10: results.map((r) => r.repeatFirst.validationNdcg10), vsBaselines: Object.fromEntries(baselines.map((b) => [b, repeatFirstVs[b].paired])), testDiagnosticVsGpTies: testDiagnostic(results) }
        : m === 'Served' ? { served: results.map(servedName), reasons: results.map((r) => r.served.reason), bestBaseline, vsBaselines: Object.fromEntries(baselines.map((b) => [b, servedVs[b].paired])) }
        : {};
      console.log(JSON.stringify({ method: m, ...avg[m], ...extra, ...meta }));
    }
    return;
  }
  console.log(`dataset ${sources.label}, ${results.length} split(s), mean over splits, test users ${meta.testUsers.join('/')}`);
  for (const line of methodTable(avg)) console.log(line);
  const vsBest = servedVs[bestBaseline].paired;
  console.log(`served (gate on validation users): ${results.map(servedName).join(', ')}; served − ${bestBaseline} (best baseline on test): r@10 ${signed(vsBest['recall@10'].mean)} (${vsBest['recall@10'].se.toFixed(4)}), ndcg@10 ${signed(vsBest['ndcg@10'].mean)} (${vsBest['ndcg@10'].se.toFixed(4)})`);
  for (const [mode, d] of Object.entries(testDiagnostic(results))) console.log(`  diagnostic (test users, not used to choose): ${mode} − GP-TopFreq+popTies: r@10 ${signed(d['recall@10'].mean)} (${d['recall@10'].se.toFixed(4)}), ndcg@10 ${signed(d['ndcg@10'].mean)} (${d['ndcg@10'].se.toFixed(4)})`);
  const rfVs = repeatFirstVs['GP-TopFreq+popTies'].paired;
  console.log(`repeat-first (mode chosen on validation: ${results.map((r) => describeMode(r.repeatFirst.mode)).join(', ')}) − GP-TopFreq+popTies: r@10 ${signed(rfVs['recall@10'].mean)} (${rfVs['recall@10'].se.toFixed(4)}), ndcg@10 ${signed(rfVs['ndcg@10'].mean)} (${rfVs['ndcg@10'].se.toFixed(4)})`);
  console.log(`model candidate recall ${candidateRecall.toFixed(4)}; training ${trainSeconds.toFixed(1)} s per split; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  for (const line of skipLines(sources.skipped, sources.skipExamples)) console.log(line);
}

/** The text table: core metrics, repeat/explore recall @10, and Model − method with its paired se. */
function methodTable(avg: Record<Method, MethodSummary>): string[] {
  const cols = [...METRIC_NAMES, ...REPEAT_EXPLORE_NAMES.filter((n) => n.endsWith('@10'))];
  const lines = [['method'.padEnd(20), ...cols.map((n) => n.padStart(9)), '  model − method (paired se): r@10, ndcg@10'].join(' ')];
  for (const m of METHODS) {
    const p = avg[m].paired;
    const vs = m === 'Model' ? '' : `  ${signed(p['recall@10'].mean)} (${p['recall@10'].se.toFixed(4)}), ${signed(p['ndcg@10'].mean)} (${p['ndcg@10'].se.toFixed(4)})`;
    lines.push([m.padEnd(20), ...cols.map((n) => avg[m][n].toFixed(4).padStart(9))].join(' ') + vs);
  }
  return lines;
}

/** The gate's choice: the exported candidate (the MLP, or the baseline its selection fell back to) or a named baseline. */
function servedName(r: SplitResult): string {
  if (r.served.choice !== 'candidate') return r.served.choice;
  if (r.served.mode) return `Model, ${describeMode(r.served.mode)}`;
  return r.modelKind === 'mlp' ? 'Model' : `exported ${r.modelKind}`;
}

/** Every repeat-first threshold minus GP-ties on the test users, pooled over the splits (a diagnostic: c is chosen on validation users). */
function testDiagnostic(results: readonly SplitResult[]): Record<string, { 'recall@10': MeanSe; 'ndcg@10': MeanSe }> {
  const modes = Object.keys(results[0]?.repeatFirst.testDiagnostic ?? {});
  return Object.fromEntries(modes.map((mode) => {
    const pooled = (key: 'ndcg10' | 'recall10') => { const { mean, se } = meanSe(results.flatMap((r) => r.repeatFirst.testDiagnostic[mode]![key])); return { mean, se }; };
    return [mode, { 'recall@10': pooled('recall10'), 'ndcg@10': pooled('ndcg10') }];
  }));
}

function signed(x: number): string {
  return (x >= 0 ? '+' : '') + x.toFixed(4);
}

main().catch(failAndExit);
