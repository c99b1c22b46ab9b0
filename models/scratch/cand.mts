import { loadTafeng, tafengKeysetDataset } from '/work/main/models/src/data/tafeng.js';
import { StoreAggregates } from '/work/main/models/src/features/index.js';
import { aggregateBaskets, buildExamples, candidateRecall } from '/work/main/models/src/eval/examples.js';
const data = await loadTafeng('/work/shared/datasets');
const ds = tafengKeysetDataset(data, 0);
let t = Date.now();
const agg = StoreAggregates.build(aggregateBaskets(ds, new Set(ds.train)));
console.log('agg ms', Date.now() - t, agg.stats());
const test = ds.test.map((id) => ds.users.get(id)!);
for (const M of [100, 200, 300, 500]) {
  t = Date.now();
  const ex = buildExamples(test, () => agg, M);
  console.log(M, 'recall', candidateRecall(ex, test.map((u) => u.future)).toFixed(4), 'ms', Date.now() - t);
}
