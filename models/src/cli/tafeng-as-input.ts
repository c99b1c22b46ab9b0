import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { resolveDatasetRoot } from '../data/dataset-root.js';
import { loadTafeng } from '../data/tafeng.js';
import { failAndExit } from './args.js';
import { ModelsError } from '../data/errors.js';

/**
 * Writes Ta-Feng in the generic input format (time = basket order, the future basket last),
 * to check `npm run eval -- --input` end to end on known data:
 *   npx tsx models/src/cli/tafeng-as-input.ts /tmp/tafeng-input.csv.gz
 * Write it outside the repository: the datasets are never copied into it.
 */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', 'usage: tafeng-as-input.ts <out.csv.gz>');
  const root = resolveDatasetRoot(process.env.VITRINA_DATASETS);
  if (!root.exists) throw new ModelsError('VITRINA_ERR_NOT_FOUND', `datasets folder not found at ${root.path}`);
  const data = await loadTafeng(root.path);
  const gz = createGzip();
  const file = gz.pipe(createWriteStream(out));
  gz.write('customer_id,basket_id,time,item_id\n');
  for (const u of data.users.values()) {
    [...u.history, u.future].forEach((basket, j) => {
      for (const item of basket) gz.write(`${u.id},${u.id}-${j},${j},${item}\n`);
    });
  }
  gz.end();
  await finished(file);
}

main().catch(failAndExit);
