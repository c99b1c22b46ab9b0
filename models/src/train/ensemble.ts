import type { DenseLayer, RankerWeights } from './mlp.js';

/**
 * The mean of several MLPs of the same shape, trained on the same examples with different
 * seeds, written as ONE wider MLP: the first layers side by side, the deeper layers block-
 * diagonal, the output layer averaging. Its score equals the members' mean score exactly,
 * so the served ONNX graph stays a plain Gemm/Relu chain (same runtime path, same parity test).
 */
export function mergeEnsemble(members: readonly RankerWeights[]): RankerWeights {
  const first = members[0]!;
  if (members.length === 1) return first;
  for (const m of members) {
    if (m.layers.length !== first.layers.length || m.mean.some((v, f) => v !== first.mean[f] || m.std[f] !== first.std[f])) {
      throw new Error('ensemble members must share their shape and feature standardisation');
    }
  }
  const k = members.length;
  const layers: DenseLayer[] = first.layers.map((layer, l) => {
    const last = l === first.layers.length - 1;
    const inDim = l === 0 ? layer.inDim : layer.inDim * k;
    const outDim = last ? layer.outDim : layer.outDim * k;
    const w = new Float32Array(inDim * outDim);
    const b = new Float32Array(outDim);
    members.forEach((m, e) => {
      const src = m.layers[l]!;
      const rowOffset = l === 0 ? 0 : e * src.inDim;
      const colOffset = last ? 0 : e * src.outDim;
      for (let r = 0; r < src.inDim; r++) {
        for (let c = 0; c < src.outDim; c++) w[(rowOffset + r) * outDim + colOffset + c] = last ? src.w[r * src.outDim + c]! / k : src.w[r * src.outDim + c]!;
      }
      for (let c = 0; c < src.outDim; c++) b[colOffset + c]! += last ? src.b[c]! / k : src.b[c]!;
    });
    return { inDim, outDim, w, b };
  });
  return { mean: first.mean, std: first.std, layers };
}
