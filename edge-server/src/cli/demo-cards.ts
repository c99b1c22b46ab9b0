/**
 * Prints demo loyalty card numbers to try at the kiosk (keypad, keyboard wedge or a printed
 * EAN-13 barcode), with the shopper's first name and consents.
 *   npm run demo:cards [-- --all]
 */
import { loadDemoSeed } from '../usecases/demo-store/load-seed.js';
import { demoCardNumber } from '../usecases/demo-store/cards.js';
import { demoFirstName } from '../usecases/demo-store/names.js';
import { demoConsents } from '../usecases/demo-store/seed.js';

const seed = loadDemoSeed();
const basketsOf = new Map<string, number>();
for (const [hh] of seed.baskets) basketsOf.set(hh, (basketsOf.get(hh) ?? 0) + 1);
const rows = seed.households.map(([hh], i) => ({ i, hh, card: demoCardNumber(i), name: demoFirstName(i), consents: demoConsents(i), baskets: basketsOf.get(hh) ?? 0 }));
const shown = process.argv.includes('--all') ? rows : rows.slice(0, 12);
console.log('card number     first name  baskets  personalized  (Complete Journey household)');
for (const r of shown) {
  console.log(`${r.card}   ${r.name.padEnd(10)}  ${String(r.baskets).padStart(7)}  ${r.consents.profiling ? 'yes         ' : 'no (consent)'}  #${r.hh}`);
}
if (shown.length < rows.length) console.log(`… ${rows.length - shown.length} more: npm run demo:cards -- --all`);
console.log(`An unregistered but valid card to try enrollment: ${demoCardNumber(9998)}`);
