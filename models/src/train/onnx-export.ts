import onnxProto from 'onnx-proto';
import type { RankerWeights } from './mlp.js';

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;

/**
 * Writes the ranker as an ONNX ModelProto: input float32[N,F] → Gemm/Relu … → score
 * float32[N,1]. The feature standardisation is folded into the first Gemm so the served
 * model takes the raw feature contract values.
 */
export function foldStandardisation(w: RankerWeights): { w: Float32Array; b: Float32Array } {
  const first = w.layers[0]!;
  const W = new Float32Array(first.w.length);
  const b = Float32Array.from(first.b);
  for (let f = 0; f < first.inDim; f++) {
    for (let o = 0; o < first.outDim; o++) {
      const v = first.w[f * first.outDim + o]! / w.std[f]!;
      W[f * first.outDim + o] = v;
      b[o]! -= w.mean[f]! * v;
    }
  }
  return { w: W, b };
}

function tensor(name: string, dims: number[], data: Float32Array) {
  return onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)) });
}

function valueInfo(name: string, dims: (number | string)[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
  });
}

export function exportOnnx(weights: RankerWeights, docString: string): Uint8Array {
  const folded = foldStandardisation(weights);
  const nodes: InstanceType<typeof onnx.NodeProto>[] = [];
  const initializers: InstanceType<typeof onnx.TensorProto>[] = [];
  let input = 'input';
  weights.layers.forEach((layer, l) => {
    const w = l === 0 ? folded.w : layer.w;
    const b = l === 0 ? folded.b : layer.b;
    initializers.push(tensor(`W${l}`, [layer.inDim, layer.outDim], w), tensor(`B${l}`, [layer.outDim], b));
    const last = l === weights.layers.length - 1;
    const out = last ? 'score' : `h${l}`;
    nodes.push(onnx.NodeProto.create({ name: `dense${l}`, opType: 'Gemm', input: [input, `W${l}`, `B${l}`], output: [out] }));
    if (!last) {
      nodes.push(onnx.NodeProto.create({ name: `relu${l}`, opType: 'Relu', input: [out], output: [`${out}_relu`] }));
      input = `${out}_relu`;
    }
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'vitrina-models',
    producerVersion: '1',
    docString,
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'vitrina_ranker',
      node: nodes,
      initializer: initializers,
      input: [valueInfo('input', ['N', weights.layers[0]!.inDim])],
      output: [valueInfo('score', ['N', 1])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
