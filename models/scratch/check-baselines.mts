import { loadTafeng, tafengKeysetDataset } from '/work/main/models/src/data/tafeng.js';
import { gTopFreq, pTopFreq, gpTopFreq, gpTopFreqPopTies } from '/work/main/models/src/eval/baselines.js';
import { TifuKnn } from '/work/main/models/src/eval/tifu-knn.js';
import { userMetrics, meanMetrics, type MetricRow } from '/work/main/models/src/eval/metrics.js';
const t0 = Date.now();
const data = await loadTafeng('/work/shared/datasets');
console.log('load ms', Date.now() - t0, data.users.size);
const acc: Record<string, MetricRow[]> = {};
const doTifu = process.argv[2] === 'tifu';
for (let k = 0; k < 5; k++) {
  const ds = tafengKeysetDataset(data, k);
  const popRank = new Map(ds.popRanking.map((id, r) => [id, r]));
  const per: Record<string, MetricRow[]> = { g: [], p: [], gp: [], gpt: [], tifu: [], futpop: [] };
  const tifu = doTifu ? new TifuKnn(ds.train.map((id) => ds.users.get(id)!.history)) : null;
  const fc = new Map<string, number>();
  for (const id of ds.train) for (const i of ds.users.get(id)!.future) fc.set(i, (fc.get(i) ?? 0) + 1);
  const futPop = [...fc.entries()].sort((a, b) => b[1] - a[1]).map(([i]) => i);
  for (const id of ds.test) {
    const u = ds.users.get(id)!;
    per.g!.push(userMetrics(gTopFreq(ds.popRanking, 20), u.future));
    per.futpop!.push(userMetrics(futPop.slice(0, 20), u.future));
    per.p!.push(userMetrics(pTopFreq(u.history), u.future));
    per.gp!.push(userMetrics(gpTopFreq(u.history, ds.popRanking), u.future));
    per.gpt!.push(userMetrics(gpTopFreqPopTies(u.history, popRank, ds.popRanking), u.future));
    if (tifu) per.tifu!.push(userMetrics(tifu.rank(u.history, ds.popRanking, 20), u.future));
  }
  for (const [m, rows] of Object.entries(per)) (acc[m] ??= []).push(meanMetrics(rows));
}
for (const [m, rows] of Object.entries(acc)) { const r = meanMetrics(rows); console.log(m.padEnd(6), Object.entries(r).map(([k, v]) => `${k}=${v.toFixed(4)}`).join(' ')); }
console.log('ms', Date.now() - t0);
