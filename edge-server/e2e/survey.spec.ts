import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import type { NpsReport } from '@vitrina/contracts';
import { encodeHidPosReports } from '../src/platform/scanner/index.js';
import { demoCardNumber } from '../src/usecases/demo-store/cards.js';
import { startServer, type RunningServer } from './server.js';
import { freezeClock } from './clock.js';

// Demo shoppers (edge-server/src/usecases/demo-store/seed.ts): #0 Ana, #1 Ben.
const ANA = demoCardNumber(0);
const BEN = demoCardNumber(1);

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function openKiosk(page: Page, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  await page.clock.install();
  await page.goto(`${server.url}/kiosk/?token=${server.device('kiosk-entrance').token}`);
  await expect(page.getByTestId('attract')).toBeVisible();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  // No inactivity reset or thank-you timeout while a slow machine works through the steps.
  await freezeClock(page);
}

async function scanAndFinish(page: Page, card: string) {
  await server.scan('kiosk-entrance', encodeHidPosReports(card, ']E0'));
  await expect(page.getByTestId('greeting')).toBeVisible();
  await page.getByTestId('session-done').click();
}

test('a shopper answers the survey at the end of the session; the console counts it and exports it', async ({ page, browser }, testInfo) => {
  // Three pages and two apps in one journey: an upper bound for a busy 2-core machine, not a budget.
  test.setTimeout(240_000);
  await openKiosk(page, { width: 1080, height: 1920 });
  await scanAndFinish(page, ANA);

  // Ana has never answered: the one-question survey, Send disabled until a score is chosen.
  const survey = page.getByTestId('survey');
  await expect(survey).toContainText('How likely are you to recommend this store to a friend?');
  await expect(page.getByTestId('survey-send')).toBeDisabled();
  await expect(page.getByTestId('survey-skip')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('kiosk-survey-portrait.png') });

  await page.getByTestId('survey-score-9').click();
  await expect(page.getByTestId('survey-score-9')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('survey-reason-prices').click();
  await page.getByTestId('survey-reason-staff').click();
  await expect(page.getByTestId('survey-reason-prices')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('survey-add-comment').click();
  for (const letter of 'GREAT') await page.getByTestId(`letter-key-${letter}`).click();
  await expect(page.getByTestId('survey-comment-text')).toHaveText('Great');
  await page.screenshot({ path: testInfo.outputPath('kiosk-survey-answered.png') });
  await page.getByTestId('survey-send').click();

  await expect(page.getByTestId('survey-thanks')).toContainText('Thank you!');
  await page.screenshot({ path: testInfo.outputPath('kiosk-survey-thanks.png') });
  // The thank-you goes back to attract on its own.
  await page.clock.runFor(6_000);
  await expect(page.getByTestId('attract')).toBeVisible();

  // Ana again, the same day: not due, "Done" goes straight back to attract.
  await scanAndFinish(page, ANA);
  await expect(page.getByTestId('attract')).toBeVisible();
  await expect(page.getByTestId('survey')).toHaveCount(0);

  // Ben, in landscape, skips it: no answer is recorded for him, only that he was asked.
  const landscape = await (await browser.newContext()).newPage();
  await openKiosk(landscape, { width: 1920, height: 1080 });
  await scanAndFinish(landscape, BEN);
  await expect(landscape.getByTestId('survey')).toBeVisible();
  await landscape.getByTestId('survey-score-3').click();
  await landscape.screenshot({ path: testInfo.outputPath('kiosk-survey-landscape.png') });
  await landscape.getByTestId('survey-add-comment').click();
  await expect(landscape.getByTestId('letter-keyboard')).toBeVisible();
  await landscape.screenshot({ path: testInfo.outputPath('kiosk-survey-landscape-keyboard.png') });
  await landscape.getByTestId('survey-skip').click();
  await expect(landscape.getByTestId('attract')).toBeVisible();
  await landscape.context().close();
  // Ben again: being asked counts, so a skip is not followed by another ask on the next "Done".
  await scanAndFinish(page, BEN);
  await expect(page.getByTestId('attract')).toBeVisible();
  await expect(page.getByTestId('survey')).toHaveCount(0);

  const report = await server.api<NpsReport>('/api/v1/surveys/report');
  expect(report).toMatchObject({ answers: 1, promoters: 1, nps: 100 });

  // The console: NPS, the answer counted, the comment, the CSV.
  const consolePage = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 1100 } })).newPage();
  await consolePage.goto(`${server.url}/console/survey`);
  await consolePage.getByTestId('login-username').fill(server.demo.admin.username);
  await consolePage.getByTestId('login-password').fill(server.demo.admin.password);
  await consolePage.getByTestId('login-submit').click();
  // Sign-in hashes the password at the production cost: slow on a busy machine (an upper bound, not a budget).
  await expect(consolePage.getByTestId('nav')).toBeVisible({ timeout: 60_000 });
  await expect(consolePage.getByTestId('kpi-survey-answers-value')).toHaveText('1');
  await expect(consolePage.getByTestId('kpi-survey-nps-value')).toHaveText('+100');
  await expect(consolePage.getByTestId('kpi-survey-promoters-value')).toHaveText('100.0%');
  await expect(consolePage.getByTestId('survey-trend').locator('canvas')).toBeVisible();
  await expect(consolePage.getByTestId('survey-comment-text')).toHaveText(['Great']);
  await expect(consolePage.getByTestId('survey-comment')).toContainText('Prices, Staff');
  await expect(consolePage.getByTestId('survey-interval')).toHaveValue('30');
  await consolePage.screenshot({ path: testInfo.outputPath('console-survey.png'), fullPage: true });

  const [download] = await Promise.all([consolePage.waitForEvent('download'), consolePage.getByTestId('survey-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^vitrina-survey-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n');
  expect(csv[0]).toBe('id,at,day,storeId,kioskId,zoneId,score,reasons,comment');
  expect(csv).toHaveLength(2);
  expect(csv[1]).toMatch(/,kiosk-entrance,entrance,9,prices staff,Great$/);

  // Program KPIs on the analytics page carry NPS and satisfaction.
  await consolePage.getByTestId('nav-analytics').click();
  await expect(consolePage.getByTestId('kpi-nps-value')).toHaveText('+100');
  await expect(consolePage.getByTestId('kpi-satisfaction-value')).toHaveText('100.0%');
  await consolePage.screenshot({ path: testInfo.outputPath('console-analytics-nps.png'), fullPage: true });
  await consolePage.context().close();
});
