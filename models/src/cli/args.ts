import { parseArgs } from 'node:util';
import { ModelsError } from '../data/errors.js';

/** Flags shared by the train and eval CLIs. */
export function parseCliArgs(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      dataset: { type: 'string' },
      input: { type: 'string' },
      'from-db': { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      keysets: { type: 'string' },
      epochs: { type: 'string' },
      cuts: { type: 'string' },
      splits: { type: 'string' },
      seed: { type: 'string' },
      hidden: { type: 'string' },
      ensemble: { type: 'string' },
      'no-progress': { type: 'boolean', default: false },
      stream: { type: 'boolean', default: false },
      'sample-users': { type: 'string' },
    },
    strict: true,
  });
  if (values.dataset && !['tafeng', 'completejourney'].includes(values.dataset)) {
    throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', `unknown --dataset ${values.dataset} (tafeng | completejourney)`);
  }
  const int = (v: string | undefined, name: string) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', `--${name} must be a non-negative integer`);
    return n;
  };
  const hidden = values.hidden === undefined ? undefined : values.hidden === '' ? [] : values.hidden.split(',').map((h) => int(h, 'hidden')!);
  return { ...values, hidden, ensemble: int(values.ensemble, 'ensemble'), keysets: int(values.keysets, 'keysets'), epochs: int(values.epochs, 'epochs'), cuts: int(values.cuts, 'cuts'), splits: int(values.splits, 'splits'), seed: int(values.seed, 'seed'), 'sample-users': int(values['sample-users'], 'sample-users') };
}

/** Prints a pipeline error as one clear line and sets the exit code (2 for missing data). */
export function failAndExit(err: unknown): never {
  if (err instanceof ModelsError) {
    console.error(`${err.code}: ${err.message}`);
    process.exit(err.code === 'VITRINA_ERR_NOT_FOUND' ? 2 : 1);
  }
  if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`VITRINA_ERR_VALIDATION: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
