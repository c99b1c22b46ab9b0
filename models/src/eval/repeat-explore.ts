/**
 * Repeat and explore recall ("A Next Basket Recommendation Reality Check", Li et al. 2023):
 * the target splits into items the user bought before (repeat) and items new to them
 * (explore); each part's recall is measured on its own, so a method that wins only by
 * re-recommending staples (or only by discovery) shows it. A user whose target has no
 * repeat (explore) items has no repeat (explore) recall: NaN, left out of the mean.
 */
export interface RepeatExploreRow {
  'rep_recall@10': number;
  'expl_recall@10': number;
  'rep_recall@20': number;
  'expl_recall@20': number;
}
export const REPEAT_EXPLORE_NAMES: (keyof RepeatExploreRow)[] = ['rep_recall@10', 'expl_recall@10', 'rep_recall@20', 'expl_recall@20'];

export function repeatExploreRecall(ranked: readonly string[], target: readonly string[], history: readonly (readonly string[])[]): RepeatExploreRow {
  const seen = new Set<string>();
  for (const basket of history) for (const item of basket) seen.add(item);
  const want = new Set(target);
  let nRep = 0;
  for (const item of want) if (seen.has(item)) nRep++;
  const nExpl = want.size - nRep;
  const out = {} as RepeatExploreRow;
  for (const k of [10, 20] as const) {
    let rep = 0, expl = 0;
    for (const item of new Set(ranked.slice(0, k))) {
      if (!want.has(item)) continue;
      if (seen.has(item)) rep++;
      else expl++;
    }
    out[`rep_recall@${k}`] = nRep ? rep / nRep : NaN;
    out[`expl_recall@${k}`] = nExpl ? expl / nExpl : NaN;
  }
  return out;
}
