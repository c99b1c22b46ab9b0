import { test, expect, type Page } from '@playwright/test';
import { encodeHidPosReports } from '../src/platform/scanner/index.js';
import { demoCardNumber } from '../src/usecases/demo-store/cards.js';
import { startServer, type RunningServer } from './server.js';

// Demo shopper #0 Ana (edge-server/src/usecases/demo-store/seed.ts) refers a friend; card 9991 is not registered.
const ANA = demoCardNumber(0);
const NEW_CARD = demoCardNumber(9991);

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** The store's today (the demo store's time zone): a birthday today brings the demo birthday offer. */
function storeToday(): { day: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()).split('-');
  return { month: Number(parts[1]), day: Number(parts[2]) };
}

/**
 * A keyboard-wedge scanner reading a QR: its keys in one burst (a few ms apart) ending with Enter.
 * Dispatched inside the page in one go, so a busy test machine cannot spread the burst out.
 */
async function wedgeScan(page: Page, text: string) {
  await page.evaluate((keys) => {
    for (const key of [...keys, 'Enter']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  }, [...text]);
}

async function openKiosk(page: Page) {
  await page.setViewportSize({ width: 1080, height: 1920 });
  // Long inactivity limits: the journey must not be reset by a slow machine.
  await page.goto(`${server.url}/kiosk/?token=${server.device('kiosk-entrance').token}&idleMs=600000&warningMs=600000`);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
}

test('a friend joins with a birthday and Ana’s referral QR, opens My card, sees the QR and balance, and claims a promo code', async ({ page }, testInfo) => {
  test.setTimeout(240_000); // about forty taps on the on-screen keys, on a busy 2-core machine
  await openKiosk(page);

  // Ana opens My card: her referral QR is drawn on the kiosk, with the short code beside it.
  await server.scan('kiosk-entrance', encodeHidPosReports(ANA, ']E0'));
  await expect(page.getByTestId('greeting')).toContainText('Ana');
  await page.getByTestId('session-my-card').click();
  await expect(page.getByTestId('my-card')).toBeVisible();
  await expect(page.getByTestId('card-referral-qr').locator('svg path').first()).toBeAttached();
  const anaCode = (await page.getByTestId('card-referral-code').innerText()).trim();
  expect(anaCode).toMatch(/^R[A-Z2-9]{7}$/);
  await page.screenshot({ path: testInfo.outputPath('my-card-ana-portrait.png'), fullPage: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('my-card-ana-landscape.png') });
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.getByTestId('card-done').click();
  await expect(page.getByTestId('attract')).toBeVisible();

  // A new card: the enrollment screen.
  await server.scan('kiosk-entrance', encodeHidPosReports(NEW_CARD, ']E0'));
  await expect(page.getByTestId('enroll-form')).toBeVisible();
  for (const letter of 'DORA') await page.getByTestId(`letter-key-${letter}`).click();
  await expect(page.getByTestId('enroll-first-name')).toHaveValue('Dora');
  await page.getByTestId('keyboard-done').click(); // the keyboard sheet closes, the choices are in view
  await page.getByTestId('consent-program').click();
  await page.getByTestId('consent-profiling').click();

  // 31 February: the server refuses it with a coded error, and the kiosk says why beside the field.
  await page.getByTestId('enroll-birthday-day').selectOption('31');
  await page.getByTestId('enroll-birthday-month').selectOption('2');
  await page.getByTestId('enroll-submit').click();
  await expect(page.getByTestId('enroll-birthday-error')).toContainText('That day isn’t in the calendar');
  await page.screenshot({ path: testInfo.outputPath('enroll-31-february.png'), fullPage: true });

  // Today's birthday, and Ana's QR under the scanner (a keyboard wedge types its payload in one burst).
  const today = storeToday();
  await page.getByTestId('enroll-birthday-day').selectOption(String(today.day));
  await page.getByTestId('enroll-birthday-month').selectOption(String(today.month));
  await page.getByTestId('enroll-birthday-year').selectOption('1990');
  await wedgeScan(page, `vitrina://referral?store=demo-store&code=${anaCode}`);
  await expect(page.getByTestId('enroll-referral')).toHaveText(anaCode);
  await page.screenshot({ path: testInfo.outputPath('enroll-filled.png'), fullPage: true });
  await page.getByTestId('enroll-submit').click();
  await expect(page.getByTestId('greeting-text')).toHaveText('Welcome, Dora');

  // My card: balance, the QR of her own, the birthday offer; the friend's code is already used.
  await page.getByTestId('session-my-card').click();
  await expect(page.getByTestId('card-balance')).toHaveAttribute('data-points', '0');
  await expect(page.getByTestId('card-referral-qr').locator('svg')).toBeVisible();
  expect((await page.getByTestId('card-referral-code').innerText()).trim()).not.toBe(anaCode);
  await expect(page.getByTestId('card-birthday')).toContainText('Happy birthday');
  await expect(page.getByTestId('card-referral')).toBeVisible();
  await expect(page.getByTestId('card-referral-input')).toHaveCount(0);

  // A mistyped promo code is refused with a clear message; the real one is added to the card.
  const typeCode = async (code: string) => {
    await page.getByTestId('card-promo-input').click();
    for (const ch of code) {
      await page.getByTestId(/[0-9@._-]/.test(ch) ? `symbol-key-${ch}` : `letter-key-${ch}`).click();
    }
  };
  await typeCode('WELCOME4');
  await page.getByTestId('card-promo-submit').click();
  await expect(page.getByTestId('card-promo-result')).toContainText('We couldn’t find that code');
  await page.screenshot({ path: testInfo.outputPath('my-card-promo-unknown.png'), fullPage: true });
  // The refused code stays in the field to be fixed: the last character is the typo.
  await page.getByTestId('letter-key-backspace').click();
  await typeCode('3');
  await expect(page.getByTestId('card-promo-input')).toHaveText('WELCOME3');
  await page.getByTestId('card-promo-submit').click();
  await expect(page.getByTestId('card-promo-result')).toContainText('Added: Welcome: $3 off');
  await expect(page.getByTestId('card-grants')).toContainText('Welcome: $3 off');
  await page.screenshot({ path: testInfo.outputPath('my-card-dora-portrait.png'), fullPage: true });
  // A second tap on the same code in this visit is the same claim (a retry), not a second grant;
  // the per-customer limit refusing it in a later visit is in usecases/scan/my-card.test.ts.
  await typeCode('WELCOME3');
  await page.getByTestId('card-promo-submit').click();
  await expect(page.getByTestId('card-promo-result')).toContainText('Added: Welcome: $3 off');
  await expect(page.getByTestId('card-grants').locator('li', { hasText: 'Welcome: $3 off' })).toHaveCount(1);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('my-card-dora-landscape.png') });
});
