import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { registerTfGradients } from '/work/main/models/src/train/tf-gradients.js';
await registerTfGradients();
for (const be of ['cpu', 'wasm']) {
  await tf.setBackend(be); await tf.ready();
  const w1 = tf.variable(tf.randomNormal([22, 32])), w2 = tf.variable(tf.randomNormal([32, 16])), w3 = tf.variable(tf.randomNormal([16, 1]));
  const x = tf.randomNormal([12288, 22]);
  const opt = tf.train.adam(0.001);
  const t = Date.now();
  for (let i = 0; i < 20; i++) {
    const l = opt.minimize(() => tf.tidy(() => { const s = tf.reshape(tf.matMul(tf.relu(tf.matMul(tf.relu(tf.matMul(x, w1)), w2)), w3), [128, 96]); return tf.neg(tf.mean(tf.sum(tf.logSoftmax(s), 1))) as tf.Scalar; }), true);
    await l!.data(); l!.dispose();
  }
  console.log(be, (Date.now() - t) / 20, 'ms/step');
}
