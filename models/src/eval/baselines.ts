/**
 * The simple baselines of "A Next Basket Recommendation Reality Check" (Li et al. 2023),
 * exactly as ../shared/datasets/README.md describes them.
 */

/** The user's history items with their counts, in first-seen order. */
function historyCounts(history: readonly string[][]): Map<string, number> {
  const count = new Map<string, number>();
  for (const basket of history) for (const item of basket) count.set(item, (count.get(item) ?? 0) + 1);
  return count;
}

/** G-TopFreq: the global popularity ranking for everyone. */
export function gTopFreq(popRanking: readonly string[], k: number): string[] {
  return popRanking.slice(0, k);
}

/** P-TopFreq: own items by count, ties in first-seen order (stable sort), no padding. */
export function pTopFreq(history: readonly string[][]): string[] {
  const count = historyCounts(history);
  return [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)!);
}

function padWithPopularity(personal: string[], popRanking: readonly string[], upTo: number): string[] {
  const out = personal.slice(0, upTo);
  const seen = new Set(out);
  for (const item of popRanking) {
    if (out.length >= upTo) break;
    if (!seen.has(item)) {
      out.push(item);
      seen.add(item);
    }
  }
  return out;
}

/** GP-TopFreq: P-TopFreq padded with the popularity ranking up to `upTo` items. */
export function gpTopFreq(history: readonly string[][], popRanking: readonly string[], upTo = 100): string[] {
  return padWithPopularity(pTopFreq(history), popRanking, upTo);
}

/** GP-TopFreq with ties among the user's own counts broken by popularity rank. */
export function gpTopFreqPopTies(history: readonly string[][], popRank: ReadonlyMap<string, number>, popRanking: readonly string[], upTo = 100): string[] {
  const count = historyCounts(history);
  const rank = (i: string) => popRank.get(i) ?? Number.MAX_SAFE_INTEGER;
  const personal = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || rank(a) - rank(b));
  return padWithPopularity(personal, popRanking, upTo);
}
