/**
 * `npm run import -- <kind> <files…> [--json]`: one entry for every bulk import a store runs.
 *
 *   npm run import -- receipts receipts.csv
 *   npm run import -- receipts.csv                  (the older form: a .csv alone means receipts)
 *
 * Each kind lives in `import/<kind>.ts` and exports `run(args)`; progress goes to stderr and the
 * report (JSON) to stdout. Exit 0 when the files were read (rejected rows are in the report),
 * 1 when a file could not be read at all, 2 on a usage error.
 */
import { IMPORT_KINDS, type ImportKind } from './import/kinds.js';

function usage(): never {
  process.stderr.write(`usage: npm run import -- <${Object.keys(IMPORT_KINDS).join('|')}> <file…> [--json]\n`);
  process.exit(2);
}

const [first, ...rest] = process.argv.slice(2);
if (!first) usage();
const kind = (first in IMPORT_KINDS ? first : first.endsWith('.csv') ? 'receipts' : undefined) as ImportKind | undefined;
if (!kind) usage();
const args = kind === first ? rest : [first, ...rest];
await (await IMPORT_KINDS[kind]()).run(args);
