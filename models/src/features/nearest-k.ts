/**
 * The k users with the smallest distance, ties to the lower index, in that order: what sorting
 * every user by (distance, index) and taking the first k gives, with a max-heap of k entries.
 */
export function nearestK(users: number, k: number, distance: (u: number) => number): number[] {
  if (k <= 0) return [];
  const heapU = new Int32Array(k), heapD = new Float64Array(k);
  let size = 0;
  // a after b in the order (distance, index)
  const after = (da: number, ua: number, db: number, ub: number) => da > db || (da === db && ua > ub);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let top = i;
      if (l < size && after(heapD[l]!, heapU[l]!, heapD[top]!, heapU[top]!)) top = l;
      if (r < size && after(heapD[r]!, heapU[r]!, heapD[top]!, heapU[top]!)) top = r;
      if (top === i) return;
      [heapU[i], heapU[top]] = [heapU[top]!, heapU[i]!];
      [heapD[i], heapD[top]] = [heapD[top]!, heapD[i]!];
      i = top;
    }
  };
  for (let u = 0; u < users; u++) {
    const d = distance(u);
    if (size < k) {
      let i = size++;
      heapU[i] = u;
      heapD[i] = d;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!after(heapD[i]!, heapU[i]!, heapD[parent]!, heapU[parent]!)) break;
        [heapU[i], heapU[parent]] = [heapU[parent]!, heapU[i]!];
        [heapD[i], heapD[parent]] = [heapD[parent]!, heapD[i]!];
        i = parent;
      }
    } else if (after(heapD[0]!, heapU[0]!, d, u)) {
      heapU[0] = u;
      heapD[0] = d;
      down(0);
    }
  }
  const order = Array.from(heapU.subarray(0, size));
  const dist = new Map(order.map((u, i) => [u, heapD[i]!]));
  return order.sort((a, b) => dist.get(a)! - dist.get(b)! || a - b);
}
