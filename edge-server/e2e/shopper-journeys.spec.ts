import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { encodeHidPosReports } from '../src/platform/scanner/index.js';
import { demoCardNumber } from '../src/usecases/demo-store/cards.js';
import { startServer, type RunningServer } from './server.js';
import { expectAccessible } from './axe.js';

/**
 * Issue 9's done-when journeys, in both orientations and in an English and a Russian store:
 * (A) a new shopper enrolls with a birthday and a friend's referral QR → the first session shows
 *     the store's popular offers → clips one → answers the survey;
 * (B) a returning shopper with history sees one card per product with the price after the
 *     discount, reads them in larger text / high contrast, claims a promo code on My card and sees
 *     the referral QR there; a mistyped number on the keypad gets a clear message first.
 * axe-core at every state (0 critical / serious / moderate; axe.ts) and a screenshot of every
 * state under e2e/screenshots/ (gitignored: look at them, do not commit them). One server per
 * language, shared by its four journeys.
 */

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

const VIEWPORTS = [
  ['portrait', { width: 1080, height: 1920 }],
  ['landscape', { width: 1920, height: 1080 }],
] as const;

// Demo shoppers (usecases/demo-store/seed.ts): #0 Ana and #1 Ben have purchases and allow
// personalization; each claims the per-customer promo code once, so each orientation has its own.
const RETURNING = { portrait: demoCardNumber(0), landscape: demoCardNumber(1) };
const FRIEND = demoCardNumber(0);
// Cards no demo shopper holds: one new member per journey A.
const NEW_CARD = { portrait: demoCardNumber(9981), landscape: demoCardNumber(9982) };
const PROMO_CODE = 'WELCOME3';

const WORDS = {
  en: { name: 'DORA', welcome: 'Welcome, Dora', heading: { popular: 'Popular in this store', picked: 'Picked for you' } },
  ru: { name: 'ДОРА', welcome: 'Добро пожаловать, Дора', heading: { popular: 'Популярное в этом магазине', picked: 'для вас' } },
} as const;

/** A keyboard-wedge scanner reading a QR: its keys in one burst ending with Enter, in one go inside the page. */
async function wedgeScan(page: Page, text: string) {
  await page.evaluate((keys) => {
    for (const key of [...keys, 'Enter']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  }, [...text]);
}

for (const language of ['en', 'ru'] as const) {
  test.describe(`${language} store`, () => {
    let server: RunningServer;
    test.beforeAll(async () => {
      server = await startServer(language === 'ru' ? { STORE_LOCALE: 'ru-RU' } : {});
    });
    test.afterAll(async () => {
      await server?.stop();
    });
    const words = WORDS[language];

    for (const [orientation, viewport] of VIEWPORTS) {
      /** Screenshot and axe check of one state. */
      const look = async (page: Page, state: string) => {
        await page.screenshot({ path: `${SHOTS}${language}-${orientation}-${state}.png` });
        await expectAccessible(page, `${language}-${orientation}-${state}`);
      };
      const openKiosk = async (page: Page) => {
        await page.setViewportSize(viewport);
        // No inactivity reset while a slow machine works through the checks.
        await page.goto(`${server.url}/kiosk/?token=${server.device('kiosk-entrance').token}&idleMs=600000&warningMs=600000`);
        await expect(page.getByTestId('attract')).toBeVisible();
        await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
      };
      /** "Done" on a session or My card: a due shopper is asked the survey, which these steps skip. */
      const finishSkippingSurvey = async (page: Page, doneTestId: string) => {
        await page.getByTestId(doneTestId).click();
        await expect(page.getByTestId('attract').or(page.getByTestId('survey'))).toBeVisible();
        if (await page.getByTestId('survey').isVisible()) await page.getByTestId('survey-skip').click();
        await expect(page.getByTestId('attract')).toBeVisible();
      };

      test(`A: a new shopper enrolls with a birthday and a friend's QR, sees popular offers, clips one, answers the survey (${orientation})`, async ({ page }) => {
        test.setTimeout(300_000); // about thirty taps and four pages of checks on a busy 2-core machine
        await openKiosk(page);
        await look(page, 'a1-attract');

        // The friend's referral code, as their My card shows it.
        await server.scan('kiosk-entrance', encodeHidPosReports(FRIEND, ']E0'));
        await page.getByTestId('session-my-card').click();
        const friendCode = (await page.getByTestId('card-referral-code').innerText()).trim();
        expect(friendCode).toMatch(/^R[A-Z2-9]{7}$/);
        await finishSkippingSurvey(page, 'card-done');

        // A card nobody holds: enrollment, with a birthday and the friend's QR under the scanner.
        await server.scan('kiosk-entrance', encodeHidPosReports(NEW_CARD[orientation], ']E0'));
        await expect(page.getByTestId('enroll-form')).toBeVisible();
        await look(page, 'a2-enroll');
        for (const letter of words.name) await page.getByTestId(`letter-key-${letter}`).click();
        await look(page, 'a2b-enroll-typing');
        await page.getByTestId('keyboard-done').click(); // the keyboard sheet closes, the choices are in view
        await page.getByTestId('consent-program').click();
        await page.getByTestId('consent-profiling').click();
        await page.getByTestId('enroll-birthday-day').selectOption('14');
        await page.getByTestId('enroll-birthday-month').selectOption('7');
        await wedgeScan(page, `vitrina://referral?store=demo-store&code=${friendCode}`);
        await expect(page.getByTestId('enroll-referral')).toHaveText(friendCode);
        await look(page, 'a3-enroll-filled');
        await page.getByTestId('enroll-submit').click();

        // The first session: no purchases yet, so the store's popular offers (never "picked for you").
        await expect(page.getByTestId('greeting-text')).toHaveText(words.welcome);
        await expect(page.getByTestId('offers-heading')).toHaveAttribute('data-basis', 'popular');
        await expect(page.getByTestId('offers-heading')).toHaveText(words.heading.popular);
        const offers = page.getByTestId('offer-card');
        await expect(offers.first()).toBeVisible();
        await look(page, 'a4-first-session');
        await offers.first().getByTestId('clip-button').click();
        await expect(offers.first().getByTestId('clip-button')).toHaveAttribute('data-clipped', 'true');
        await look(page, 'a5-clipped');

        // Done: the one-question survey, answered.
        await page.getByTestId('session-done').click();
        await expect(page.getByTestId('survey')).toBeVisible();
        await expect(page.getByTestId('survey-send')).toBeDisabled();
        await page.getByTestId('survey-score-9').click();
        await look(page, 'a6-survey');
        await page.getByTestId('survey-send').click();
        await expect(page.getByTestId('survey-thanks')).toBeVisible();
        await look(page, 'a7-survey-thanks');
        await page.getByTestId('survey-done').click();
        await expect(page.getByTestId('attract')).toBeVisible();
      });

      test(`B: a returning shopper sees one card per product with prices after the discount, claims a promo code and sees the referral QR (${orientation})`, async ({ page }) => {
        test.setTimeout(300_000);
        await openKiosk(page);

        // A number that is neither a card nor a phone: a clear message, and the keypad stays.
        await page.getByTestId('open-keypad').click();
        for (const d of '1234') await page.getByTestId(`keypad-key-${d}`).click();
        await look(page, 'b1-keypad');
        await page.getByTestId('keypad-ok').click();
        await expect(page.getByTestId('kiosk-error')).toBeVisible();
        await look(page, 'b2-keypad-error');
        await page.getByTestId('kiosk-error-dismiss').click();
        await page.getByTestId('keypad-clear').click();

        // The returning shopper types their card on the keypad.
        for (const d of RETURNING[orientation]) await page.getByTestId(`keypad-key-${d}`).click();
        await page.getByTestId('keypad-ok').click();
        await expect(page.getByTestId('greeting')).toBeVisible();
        await expect(page.getByTestId('offers-heading')).toHaveAttribute('data-basis', 'picked');
        const offers = page.getByTestId('offer-card');
        await expect(offers.first()).toBeVisible();
        // One card per product, and every card says what the shopper pays (was/now) or earns (points).
        const products = await offers.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-product-id')));
        expect(new Set(products).size).toBe(products.length);
        for (const card of await offers.all()) {
          await expect(card.getByTestId('offer-now').or(card.getByTestId('offer-points'))).toBeVisible();
        }
        await look(page, 'b3-session');

        // Larger text and high contrast: the same screen still fits, the offers scroll with a hint.
        await page.getByTestId('display-large-text').click();
        await page.getByTestId('display-high-contrast').click();
        await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
        await look(page, 'b4-session-large-contrast');
        const area = page.getByTestId('scroll-area');
        if ((await area.getAttribute('data-overflow')) === 'more') {
          // "More offers" scrolls a box-length at a time, until the list's end (then it reads "Back to the top").
          await expect(async () => {
            if ((await area.getAttribute('data-overflow')) === 'more') await page.getByTestId('scroll-more').click();
            await expect(area).toHaveAttribute('data-overflow', 'end', { timeout: 2_000 });
          }).toPass();
          await expect(offers.last().getByTestId('clip-button')).toBeInViewport();
          await look(page, 'b4b-session-scrolled-to-end');
        }
        await page.getByTestId('display-large-text').click();
        await page.getByTestId('display-high-contrast').click();

        // My card: the referral QR drawn on the kiosk, then a promo code claimed to the card.
        await page.getByTestId('session-my-card').click();
        await expect(page.getByTestId('my-card')).toBeVisible();
        await expect(page.getByTestId('card-referral-qr').locator('svg')).toBeVisible();
        await expect(page.getByTestId('card-referral-code')).toHaveText(/^R[A-Z2-9]{7}$/);
        await look(page, 'b5-my-card');
        await page.getByTestId('card-promo-input').click();
        // Codes are Latin: a Russian reader's keyboard starts on ЙЦУКЕН, one key switches it.
        if ((await page.getByTestId('letter-keyboard').getAttribute('data-layout')) === 'cyrillic') await page.getByTestId('letter-layout-switch').click();
        for (const ch of PROMO_CODE) await page.getByTestId(/[0-9]/.test(ch) ? `symbol-key-${ch}` : `letter-key-${ch}`).click();
        await expect(page.getByTestId('card-promo-input')).toHaveText(PROMO_CODE);
        await page.getByTestId('card-promo-submit').click();
        await expect(page.getByTestId('card-promo-result')).toHaveAttribute('data-ok', 'true');
        await look(page, 'b6-promo-claimed');
        await finishSkippingSurvey(page, 'card-done');
        // The display options went with the visit.
        await expect(page.locator('html')).not.toHaveAttribute('data-contrast', 'high');
      });
    }
  });
}
