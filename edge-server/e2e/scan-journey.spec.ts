import { test, expect, type Page } from '@playwright/test';
import { encodeHidPosReports } from '../src/platform/scanner/index.js';
import { demoCardNumber } from '../src/usecases/demo-store/cards.js';
import { isValidEan13 } from '../src/domains/cards/index.js';
import { startServer, type RunningServer } from './server.js';
import { freezeClock } from './clock.js';
import { expectAccessible } from './axe.js';

// Demo shoppers (edge-server/src/usecases/demo-store/seed.ts): #0 Ana and #1 Ben allow personalization, #3 David does not.
const ANA = demoCardNumber(0);
const DAVID = demoCardNumber(3);
const UNREGISTERED = demoCardNumber(9998);

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

// The axe checks take tens of seconds on a busy machine: no shopper's screen may time out meanwhile
// (the inactivity test sets its own short times and drives them with the page's clock).
async function openKiosk(page: Page, query = '&idleMs=600000') {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(`${server.url}/kiosk/?token=${server.device('kiosk-entrance').token}${query}`);
  await expect(page.getByTestId('attract')).toBeVisible();
  // The token is kept by the page and taken out of the address bar.
  expect(page.url()).not.toContain('token=');
  // Scans reach the kiosk over its socket, and the keypad refuses to look up while offline.
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
}

async function openSignage(page: Page, screenId: string) {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${server.url}/signage/?token=${server.device(screenId).token}`);
  await expect(page.getByTestId('signage-loop')).toBeVisible();
}

test('a card scanned at the kiosk shows personal offers there and a privacy-safe takeover on the zone screens', async ({ browser }, testInfo) => {
  // Three pages in three browser contexts: on a busy 2-core box their start alone can take a minute.
  test.slow();
  const newPage = async () => (await browser.newContext()).newPage();
  const [kiosk, entranceScreen, bakeryScreen] = [await newPage(), await newPage(), await newPage()];
  await kiosk.clock.install();
  await entranceScreen.clock.install();
  await openKiosk(kiosk);
  await openSignage(entranceScreen, 'screen-entrance-1');
  await openSignage(bakeryScreen, 'screen-bakery-1');
  await expect(entranceScreen.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  // Neither the kiosk session (inactivity reset) nor the takeover (TAKEOVER_MS) may end on its
  // own while a slow machine works through the checks below.
  await freezeClock(kiosk);
  await freezeClock(entranceScreen);

  await server.scan('kiosk-entrance', encodeHidPosReports(ANA, ']E0'));

  await expect(kiosk.getByTestId('greeting')).toContainText('Ana');
  await expect(kiosk.getByTestId('points-balance')).toBeVisible();
  const offers = kiosk.getByTestId('offer-card');
  await expect(offers.first()).toBeVisible();
  expect(await offers.count()).toBeGreaterThanOrEqual(1);
  await expect(offers.first()).toContainText(/off|points|Now/);
  // Ana has history and consented: her offers are picked for her.
  await expect(kiosk.getByTestId('offers-heading')).toHaveText('Picked for you');
  // One card per product, each named for a shopper, each with its price after the offer or its points.
  const cardCount = await offers.count();
  const products = new Set<string | null>();
  const names = new Set<string>();
  for (let i = 0; i < cardCount; i++) {
    const card = offers.nth(i);
    products.add(await card.getAttribute('data-product-id'));
    const name = await card.getByTestId('offer-name').innerText();
    expect(name.length).toBeLessThanOrEqual(32);
    names.add(name);
    await expect(card.getByTestId('offer-now').or(card.getByTestId('offer-points'))).toHaveCount(1);
  }
  expect(products.size).toBe(cardCount);
  expect(names.size).toBe(cardCount);
  // Pictures load, or the card draws its placeholder: no broken-image icon.
  const images = kiosk.locator('[data-testid="offer-card"] img');
  for (let i = 0; i < (await images.count()); i++) await expect(images.nth(i)).not.toHaveJSProperty('naturalWidth', 0);
  await kiosk.screenshot({ path: testInfo.outputPath('kiosk-session.png') });
  await expectAccessible(kiosk, 'kiosk-session');

  const takeover = entranceScreen.getByTestId('takeover');
  await expect(takeover).toBeVisible();
  await expect(entranceScreen.getByTestId('takeover-offer').first()).toBeVisible();
  const shown = await takeover.innerText();
  expect(shown).not.toContain('Ana');
  expect(shown).not.toContain(ANA.slice(-4));
  await entranceScreen.screenshot({ path: testInfo.outputPath('signage-takeover.png') });
  await expectAccessible(entranceScreen, 'signage-takeover');
  await expectAccessible(bakeryScreen, 'signage-loop');
  // A screen in another zone keeps its loop.
  await expect(bakeryScreen.getByTestId('takeover')).toHaveCount(0);

  // Clip the first offer to the card.
  await offers.first().getByTestId('clip-button').click();
  await expect(offers.first().getByTestId('clip-button')).toHaveAttribute('data-clipped', 'true');
  await expectAccessible(kiosk, 'kiosk-session-clipped');
  await Promise.all([kiosk, entranceScreen, bakeryScreen].map((p) => p.context().close()));
});

test('typing a card on the keypad greets without a name when the shopper did not consent to personalization', async ({ page }, testInfo) => {
  await openKiosk(page);
  await expectAccessible(page, 'kiosk-attract');
  await page.getByTestId('open-keypad').click();
  await expect(page.getByTestId('keypad')).toBeVisible();
  for (const digit of DAVID) await page.getByTestId(`keypad-key-${digit}`).click();
  await expectAccessible(page, 'kiosk-keypad');
  await page.getByTestId('keypad-ok').click();
  await expect(page.getByTestId('greeting')).toBeVisible();
  await expect(page.getByTestId('greeting')).not.toContainText('David');
  // Without consent nothing is picked from his purchases: the store's popular offers.
  await expect(page.getByTestId('offers-heading')).toHaveText('Popular in this store');
  await page.screenshot({ path: testInfo.outputPath('kiosk-non-personal.png') });
  await expectAccessible(page, 'kiosk-session-non-personal');
});

test('an unregistered card gets a "not registered yet" screen with enrollment', async ({ page }, testInfo) => {
  await openKiosk(page);
  await server.scan('kiosk-entrance', encodeHidPosReports(UNREGISTERED, ']E0'));
  await expect(page.getByTestId('unknown-card')).toBeVisible();
  await expect(page.getByTestId('enroll-form')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('kiosk-unknown-card.png') });
  await expectAccessible(page, 'kiosk-unknown-card');
});

test('a shopper switches the kiosk to Russian, enrolls with the Cyrillic keyboard, and the next shopper gets the store language again', async ({ page }, testInfo) => {
  await openKiosk(page);
  await page.getByTestId('language-ru').click();
  await expect(page.getByTestId('attract')).toContainText('Отсканируйте карту лояльности');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await page.screenshot({ path: testInfo.outputPath('kiosk-attract-ru.png') });
  await expectAccessible(page, 'kiosk-attract-ru');

  await server.scan('kiosk-entrance', encodeHidPosReports(demoCardNumber(9997), ']E0'));
  await expect(page.getByTestId('unknown-card')).toContainText('Эта карта ещё не зарегистрирована');
  const keyboard = page.getByTestId('letter-keyboard');
  await expect(keyboard).toHaveAttribute('data-layout', 'cyrillic');
  for (const letter of 'ОЛЯ') await page.getByTestId(`letter-key-${letter}`).click();
  await expect(page.getByTestId('enroll-first-name')).toHaveValue('Оля');
  await page.screenshot({ path: testInfo.outputPath('kiosk-enroll-keyboard-ru.png') });
  await expectAccessible(page, 'kiosk-enroll-ru');
  await page.getByTestId('keyboard-done').click(); // the keyboard sheet closes, the choices are in view

  await page.getByTestId('consent-program').click();
  // With personalization the kiosk may greet by name (without it the server sends no name).
  await page.getByTestId('consent-profiling').click();
  await page.getByTestId('enroll-submit').click();
  await expect(page.getByTestId('greeting-text')).toHaveText('Добро пожаловать, Оля');
  await expect(page.getByTestId('greeting')).toContainText('Баланс баллов');
  // A new member has bought nothing yet: popular offers, not "picked for you".
  await expect(page.getByTestId('offers-heading')).toHaveText('Популярное в этом магазине');

  // The session ends (a new member is asked the one-question survey, in their language; they
  // skip it): the kiosk is back in the store's language for the next shopper.
  await page.getByTestId('session-done').click();
  await expect(page.getByTestId('survey')).toContainText('порекомендуете');
  await page.getByTestId('survey-skip').click();
  await expect(page.getByTestId('attract')).toContainText('Scan your loyalty card');
  await expect(page.getByTestId('language-switch')).toHaveAttribute('data-language', 'en');
});

test('a shopper who joins with a phone number is shown a new card number, and the keypad knows them by it next time', async ({ page }, testInfo) => {
  // Ten digits: read as a phone (not a card), and no demo shopper has it.
  const PHONE = '0700900461';
  await openKiosk(page);
  await page.getByTestId('open-keypad').click();
  for (const digit of PHONE) await page.getByTestId(`keypad-key-${digit}`).click();
  await page.getByTestId('keypad-ok').click();
  await expect(page.getByTestId('unknown-card')).toContainText('This number isn’t registered yet');
  // Someone who came with a phone is not asked for one: they get a card instead.
  await expect(page.getByTestId('enroll-phone-field')).toHaveCount(0);
  for (const letter of 'MIA') await page.getByTestId(`letter-key-${letter}`).click();
  await page.getByTestId('keyboard-done').click(); // the keyboard sheet closes, the choices are in view
  await page.getByTestId('consent-program').click();
  await page.getByTestId('consent-profiling').click();
  await page.getByTestId('enroll-submit').click();

  await expect(page.getByTestId('greeting-text')).toHaveText('Welcome, Mia');
  const shown = page.getByTestId('virtual-card-number');
  await expect(shown).toHaveText(/^2991 \d{4} \d{4} \d$/);
  const card = (await shown.innerText()).replace(/\s/g, '');
  expect(card).toMatch(/^2991\d{9}$/);
  expect(isValidEan13(card)).toBe(true);
  await expect(page.getByTestId('virtual-card')).toContainText('show it at the till or type it here next time');
  // The barcode is drawn (JsBarcode fills the SVG with bars and the digits under them).
  await expect(page.getByTestId('virtual-card-barcode').locator('rect').nth(2)).toBeAttached();
  await expect(page.getByTestId('virtual-card-barcode')).toContainText(card.slice(1, 7));
  await page.screenshot({ path: testInfo.outputPath('kiosk-virtual-card.png') });
  await expectAccessible(page, 'kiosk-virtual-card');

  await page.getByTestId('session-done').click();
  await page.getByTestId('survey-skip').click(); // a new member is due for the survey (survey.spec.ts answers it)
  await expect(page.getByTestId('attract')).toBeVisible();
  await page.getByTestId('open-keypad').click();
  for (const digit of card) await page.getByTestId(`keypad-key-${digit}`).click();
  await page.getByTestId('keypad-ok').click();
  await expect(page.getByTestId('greeting-text')).toHaveText('Welcome back, Mia');
  // The whole number was shown once, in the session that issued it.
  await expect(page.getByTestId('virtual-card')).toHaveCount(0);
});

test('the kiosk warns before resetting after inactivity, can be extended, then resets', async ({ page }, testInfo) => {
  // The page's time is the test's: it passes only through page.clock.runFor, so the short
  // warning cannot run out while a slow machine takes the screenshot or clicks.
  const IDLE_MS = 2000, WARNING_MS = 3000;
  await page.clock.install();
  await openKiosk(page, `&idleMs=${IDLE_MS}&warningMs=${WARNING_MS}`);
  await freezeClock(page);
  await server.scan('kiosk-entrance', encodeHidPosReports(ANA, ']E0'));
  await expect(page.getByTestId('greeting')).toBeVisible();
  await expect(page.getByTestId('inactivity-warning')).toHaveCount(0);
  // Half a second over the quiet period: the warning is up and its countdown not yet over.
  await page.clock.runFor(IDLE_MS + 500);
  await expect(page.getByTestId('inactivity-warning')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('kiosk-inactivity-warning.png') });
  await expectAccessible(page, 'kiosk-inactivity-warning');
  await page.getByTestId('extend-session').click();
  await expect(page.getByTestId('inactivity-warning')).toHaveCount(0);
  await expect(page.getByTestId('greeting')).toBeVisible();
  // No touch this time: warning, then back to the attract screen once the countdown is over.
  await page.clock.runFor(IDLE_MS + 500);
  await expect(page.getByTestId('inactivity-warning')).toBeVisible();
  await expect(page.getByTestId('greeting')).toBeVisible();
  await page.clock.runFor(WARNING_MS);
  await expect(page.getByTestId('attract')).toBeVisible();
});

test('a kiosk without a valid pairing token says it is not paired', async ({ page }) => {
  await page.goto(`${server.url}/kiosk/?token=this-token-was-never-issued`);
  await expect(page.getByTestId('not-paired')).toBeVisible();
  await expectAccessible(page, 'kiosk-not-paired');
});
