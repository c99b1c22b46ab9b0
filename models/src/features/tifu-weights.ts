/** TIFU-KNN's user vector parameters (Hu et al., SIGIR 2020; the eval's TIFU-KNN baseline uses the same). */
const TIFU_RB = 0.9, TIFU_RG = 0.7, TIFU_GROUPS = 7;

/** TIFU's weight of each history basket: recency within its group × the group's recency. */
export function tifuBasketWeights(n: number): Float64Array {
  const out = new Float64Array(n);
  const groups = n < TIFU_GROUPS ? n : TIFU_GROUPS;
  const q = Math.floor(n / TIFU_GROUPS), r = n % TIFU_GROUPS;
  let j = 0;
  for (let g = 0; g < groups; g++) {
    const size = n < TIFU_GROUPS ? 1 : g >= TIFU_GROUPS - r ? q + 1 : q;
    const groupWeight = TIFU_RG ** (TIFU_GROUPS - 1 - g) / groups;
    for (let s = 0; s < size; s++, j++) out[j] = (TIFU_RB ** (n - 1 - j) / size) * groupWeight;
  }
  return out;
}
