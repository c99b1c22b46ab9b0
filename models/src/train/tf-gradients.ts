import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';

/**
 * tfjs-core's Node bundle ships the ops but not their gradients (the union package
 * registers them via an ESM-only side-effect import that Node cannot resolve). Load tfjs's
 * own gradient definitions, one file each, and register them; no gradient is written here.
 */
let done: Promise<void> | null = null;
export function registerTfGradients(): Promise<void> {
  done ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve('@tensorflow/tfjs-core')), 'gradients');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('_grad.js'))) {
      let mod: Record<string, unknown>;
      try {
        mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
      } catch {
        continue; // a few (e.g. Prod) import tfjs's barrel file, which Node cannot load; unused here
      }
      for (const [name, config] of Object.entries(mod)) {
        if (name.endsWith('GradConfig')) tf.registerGradient(config as tf.GradConfig);
      }
    }
  })();
  return done;
}
