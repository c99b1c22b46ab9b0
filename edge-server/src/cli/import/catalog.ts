/**
 * Imports the catalogue: 1C CommerceML files or the product CSV.
 *
 *   npm run import -- catalog import.xml [offers.xml] [--json]
 *   npm run import -- catalog products.csv            (or --format csv for any name)
 *   --retail-price-type <Ид or name>                  the 1C price type that sets shelf prices
 *
 * Files are applied in the order given, each in its own transaction (import.xml before
 * offers.xml, so prices find their products). Progress goes to stderr; stdout gets one JSON
 * object summing the files: { productsImported, productsUpdated, groups, pricesImported,
 * rejected: [{ ref, reason }], … }. Exit 0 when every file was read (rejected rows are in the
 * report), 1 when a file could not be read (its error code on stderr; the files before it stay
 * applied, that file changed nothing), 2 on a usage error.
 */
import { createReadStream, existsSync } from 'node:fs';
import type { CatalogImportReport } from '@vitrina/contracts';
import { withStore } from './with-store.js';

function usage(): never {
  process.stderr.write('usage: npm run import -- catalog <import.xml> [offers.xml] [--format xml|csv] [--retail-price-type <name>] [--json]\n');
  process.exit(2);
}

function valueOf(args: string[], flag: string) {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function run(args: string[]) {
  const format = valueOf(args, '--format');
  const retailPriceType = valueOf(args, '--retail-price-type');
  const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--format' && args[i - 1] !== '--retail-price-type');
  if (files.length === 0 || (format && format !== 'xml' && format !== 'csv')) usage();
  for (const f of files) if (!existsSync(f)) { process.stderr.write(`no such file: ${f}\n`); process.exit(2); }

  const total: CatalogImportReport = { productsImported: 0, productsUpdated: 0, productsDeactivated: 0, groups: 0, pricesImported: 0, rejected: [], rejectedCount: 0, warnings: [], seconds: 0 };
  await withStore(async (store) => {
    for (const file of files) {
      const csv = format === 'csv' || (!format && file.toLowerCase().endsWith('.csv'));
      let shown = 0;
      const onProgress = (p: { products: number; offers: number; seconds: number }) => {
        if (p.seconds - shown < 2) return;
        shown = p.seconds;
        process.stderr.write(`${file}: ${p.products} products, ${p.offers} offers read, ${p.seconds.toFixed(1)} s\n`);
      };
      const opts = { retailPriceType, onProgress };
      const report = csv ? await store.catalog.importProductsCsv(createReadStream(file), opts) : await store.catalog.importCommerceMl(createReadStream(file), opts);
      process.stderr.write(`${file}: ${report.productsImported} new, ${report.productsUpdated} updated, ${report.pricesImported} prices, ${report.rejectedCount} rejected in ${report.seconds.toFixed(1)} s\n`);
      for (const k of ['productsImported', 'productsUpdated', 'productsDeactivated', 'groups', 'pricesImported', 'rejectedCount', 'seconds'] as const) total[k] += report[k];
      total.rejected.push(...report.rejected);
      total.warnings.push(...report.warnings);
    }
    process.stdout.write(`${JSON.stringify(total, null, args.includes('--json') ? undefined : 2)}\n`);
  });
}
