/** Import speed: 1,000,000 CSV receipt lines through the same path as `npm run import` (budget: < 60 s). */
import { benchImport } from './import-run.js';
import { emit } from './report.js';

const lines = Number(process.argv[2] ?? 1_000_000);
const result = await benchImport(lines);
emit(result);
process.exit(result.pass ? 0 : 1);
