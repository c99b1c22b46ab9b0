import * as ort from 'onnxruntime-node';

/**
 * A 312-byte ranker-shaped ONNX model (input float32[N,2] → Gemm → Relu → Gemm → score
 * float32[N,1], zero weights; exported for its test), made once with `exportOnnx` of `@vitrina/models` from layers
 * 2→2→1: the same operators a store's model uses. It never scores anything.
 */
export const WARM_UP_MODEL = Buffer.from(
  'CAgSDnZpdHJpbmEtbW9kZWxzGgExMhNvbm54cnVudGltZSB3YXJtLXVwOoUCCiEKBWlucHV0CgJXMAoCQjASAmgwGgZkZW5zZTAiBEdlbW0KGgoCaDASB2gwX3JlbHUaBXJlbHUwIgRSZWx1CiYKB2gwX3JlbHUKAlcxCgJCMRIFc2NvcmUaBmRlbnNlMSIER2VtbRIOdml0cmluYV9yYW5rZXIqHAoCAgIQAUICVzBKEAAAAAAAAAAAAAAAAAAAAAAqEwoBAhABQgJCMEoIAAAAAAAAAAAqFAoCAgEQAUICVzFKCAAAAAAAAAAAKg8KAQEQAUICQjFKBAAAAABaGAoFaW5wdXQSDwoNCAESCQoDEgFOCgIIAmIYCgVzY29yZRIPCg0IARIJCgMSAU4KAggBQgQKABAN',
  'base64',
);

let warm: Promise<void> | null = null;

/**
 * The first `InferenceSession.create` in a process starts onnxruntime itself: 0.3–1.5 s of wall
 * time on this 2-core box (later sessions: about 2 ms), and in plain-node scripts it held the
 * event loop 140–330 ms in 7 of 9 tries (in the server's tsx import path, 17 tries showed no
 * block: loop max 0–45 ms; bench/refresh-handover.ts, bench/profiles/training.md). A store
 * that serves a baseline until its first promoted model would pay it at that hot swap,
 * mid-day, so the recommender pays it once at boot, before the server listens, with this
 * throwaway model. Best effort: a failure shows up again, with its reason, when a real model loads.
 */
export function warmUpOnnxRuntime(): Promise<void> {
  warm ??= (async () => {
    const session = await ort.InferenceSession.create(WARM_UP_MODEL, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    try {
      await session.run({ input: new ort.Tensor('float32', new Float32Array(4), [2, 2]) });
    } finally {
      await session.release();
    }
  })().catch(() => undefined);
  return warm;
}
