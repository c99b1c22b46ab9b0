/**
 * Keypad → offers painted, in real Chromium against the real server in its own process: a shopper
 * types their card number on the kiosk's on-screen keypad and taps OK; the time runs from that
 * tap (the click event's own timestamp) to the first frame painted with the offer cards on it
 * (a MutationObserver sees the cards, then the message posted from the next animation frame runs
 * once that frame is painted). No timers, no polling.
 *
 * Beside it, in the same browser and the same run, the floor: the same measure for a change that
 * needs no server (the tap on the last digit → the keypad's display painted with it). The ratio
 * says how much of the wait is the lookup rather than the browser and the machine.
 *
 * TRIES measured tries (default 20) after WARMUP unmeasured ones (the lazy screens load, JIT, SQLite
 * pages), each with another demo shopper, at 1080×1920. Prints JSON lines (report.ts).
 *
 *   npm run bench -- --only kiosk-paint [--tries 20] [--warmup 2]
 */
import { rmSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { prepareStore } from './prepare-store.js';
import { spawnEdgeServer } from '../src/test-support/server-process.js';
import { emit, percentiles } from './report.js';

const args = process.argv.slice(2);
const num = (name: string, d: number) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : d; };
const TRIES = num('--tries', 20), WARMUP = num('--warmup', 2);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

type Until = 'offers' | 'digit';

/**
 * Arms a one-shot measure in the page: from the next click on `startTestId` to the frame painted
 * once `until` holds (offer cards on screen, or the keypad display's text changed). The promise is
 * kept on window so the click can happen in between.
 */
/**
 * The in-page half of `arm`, as plain JavaScript source: tsx would add its own helpers (__name) to
 * a function written here, which the page does not have.
 */
const ARM_IN_PAGE = `([start, what]) => {
  const display = () => document.querySelector('[data-testid="keypad-display"]')?.textContent ?? '';
  const before = display();
  window.benchMeasure = new Promise((resolve) => {
    let tapped = null;
    const done = () => (what === 'offers' ? document.querySelector('[data-testid="offer-card"], [data-testid="no-offers"]') !== null : display() !== before);
    const check = () => {
      if (tapped === null || !done()) return;
      watch.disconnect();
      const from = tapped;
      const shown = document.querySelector('[data-testid="offer-card"]') ? 'offers' : what === 'offers' ? 'no-offers' : 'digit';
      // rAF runs just before the frame is painted; a message posted from it runs just after.
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve({ ms: performance.now() - from, shown });
        ch.port2.postMessage(null);
      });
    };
    const watch = new MutationObserver(check);
    watch.observe(document.body, { childList: true, subtree: true, characterData: true });
    const onClick = (e) => {
      if (!(e.target instanceof Element) || !e.target.closest('[data-testid="' + start + '"]')) return;
      document.removeEventListener('click', onClick, true);
      tapped = e.timeStamp;
      check();
    };
    document.addEventListener('click', onClick, true);
  });
}`;

/**
 * Arms a one-shot measure in the page: from the next click on `startTestId` to the frame painted
 * once `until` holds (offer cards on screen, or the keypad display's text changed). The promise is
 * kept on window so the click can happen in between.
 */
async function arm(page: Page, startTestId: string, until: Until) {
  await page.evaluate(`(${ARM_IN_PAGE})(${JSON.stringify([startTestId, until])})`);
}

const measured = (page: Page) => page.evaluate('window.benchMeasure') as Promise<{ ms: number; shown: string }>;

const store = await prepareStore(1, 0, 1);
const kiosk = store.zones[0]!.kiosks[0]!;
const server = await spawnEdgeServer({
  dataDir: store.dataDir,
  // One kiosk looks up 20+ shoppers in a row, faster than a real queue of shoppers would. No
  // first-start training: a training child on the same cores would pollute the timings.
  env: { VITRINA_SECRET: store.secret, SCAN_RATE_PER_KIOSK: '1000', TRAINING_ON_FIRST_START: 'false' },
  quiet: true,
});
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
const version = browser.version();
const paint: number[] = [], floor: number[] = [];
let withoutOffers = 0;
try {
  const page = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
  // No shopper's screen may time out while the bench types (idleMs); the number is typed by taps.
  await page.goto(`${server.url}/kiosk/?token=${kiosk.token}&idleMs=600000`);
  await page.getByTestId('attract').waitFor();
  await page.locator('[data-testid="connection-state"][data-state="online"]').waitFor({ state: 'attached' });
  for (let i = 0; i < WARMUP + TRIES; i++) {
    const card = store.cards[i % store.cards.length]!;
    await page.getByTestId('open-keypad').click();
    await page.getByTestId('keypad').waitFor();
    for (const d of card.slice(0, -1)) await page.getByTestId(`keypad-key-${d}`).click();
    await arm(page, `keypad-key-${card.at(-1)}`, 'digit');
    await page.getByTestId(`keypad-key-${card.at(-1)}`).click();
    const digit = await measured(page);
    await arm(page, 'keypad-ok', 'offers');
    await page.getByTestId('keypad-ok').click();
    const offers = await measured(page);
    if (i >= WARMUP) {
      floor.push(digit.ms);
      if (offers.shown === 'offers') paint.push(offers.ms);
      else withoutOffers++;
    }
    await page.getByTestId('session-done').click();
    // A shopper due for the end-of-session survey is asked it first: skip it (not measured).
    await page.getByTestId('attract').or(page.getByTestId('survey')).waitFor();
    if (await page.getByTestId('survey').isVisible()) await page.getByTestId('survey-skip').click();
    await page.getByTestId('attract').waitFor();
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(store.dataDir, { recursive: true, force: true });
}

const p = percentiles(paint), f = percentiles(floor);
const ratio = (a: number | null, b: number | null) => (a !== null && b ? Math.round((a / b) * 10) / 10 : null);
emit({ bench: 'kiosk_static_paint_floor', unit: 'ms', what: 'tap on a keypad digit → display painted', tries: floor.length, ...f });
emit({
  bench: 'kiosk_keypad_to_offers_painted', unit: 'ms', what: 'tap on OK → offer cards painted', viewport: '1080x1920', browser: `chromium ${version}`,
  tries: paint.length, sessions_without_offers: withoutOffers, ...p,
  floor_p50_ms: f.p50_ms, floor_p95_ms: f.p95_ms, ratio_p50: ratio(p.p50_ms, f.p50_ms), ratio_p95: ratio(p.p95_ms, f.p95_ms),
  pass: paint.length === TRIES,
});
process.exit(paint.length === TRIES ? 0 : 1);
