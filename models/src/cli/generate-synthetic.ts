import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { REPO_ROOT } from '../data/dataset-root.js';
import { ModelsError } from '../data/errors.js';
import { syntheticHistory } from '../data/synthetic-history.js';
import { failAndExit } from './args.js';

/**
 * Writes a seeded synthetic purchase history in the input format (gzip CSV), for scale runs:
 *   npx tsx models/src/cli/generate-synthetic.ts --out /tmp/synthetic-1m.csv.gz --baskets 1000000 [--customers N] [--items N] [--seed N]
 * Refuses to write inside the repository (a multi-GB file must never be committed).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { out: { type: 'string' }, baskets: { type: 'string', default: '1000000' }, customers: { type: 'string' }, items: { type: 'string' }, seed: { type: 'string', default: '1' } },
    strict: true,
  });
  if (!values.out) throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', 'usage: generate-synthetic.ts --out <file.csv.gz> [--baskets N] [--customers N] [--items N] [--seed N]');
  const out = resolve(values.out);
  if (out.startsWith(`${REPO_ROOT}/`)) throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', `write the synthetic file outside the repository (got ${out})`);
  const num = (v: string | undefined, name: string) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', `--${name} must be a positive integer`);
    return n;
  };
  const baskets = num(values.baskets, 'baskets')!;
  const started = Date.now();
  const gz = createGzip({ level: 1 }); // speed over size: the file is thrown away after the run
  const file = gz.pipe(createWriteStream(out));
  let chunk = 'customer_id,basket_id,time,item_id,quantity\n';
  let rows = 0;
  for (const b of syntheticHistory({ baskets, customers: num(values.customers, 'customers'), items: num(values.items, 'items'), seed: num(values.seed, 'seed') })) {
    const time = new Date(b.t).toISOString().slice(0, 19) + 'Z';
    for (const item of b.items) chunk += `${b.customerId},${b.basketId},${time},${item},1\n`;
    rows += b.items.length;
    if (chunk.length > 1 << 20) {
      if (!gz.write(chunk)) await once(gz, 'drain');
      chunk = '';
    }
  }
  gz.end(chunk);
  await finished(file);
  console.log(JSON.stringify({ out, baskets, rows, seconds: (Date.now() - started) / 1000 }));
}

main().catch(failAndExit);
