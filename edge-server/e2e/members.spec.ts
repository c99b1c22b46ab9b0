import { test, expect, type Page } from '@playwright/test';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function signIn(page: Page, path = '') {
  await page.goto(`${server.url}/console/${path}`);
  await page.getByTestId('login-username').fill(server.demo.admin.username);
  await page.getByTestId('login-password').fill(server.demo.admin.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav')).toBeVisible();
}

// EAN-13s in an in-store range the demo does not use (2770…); the last one has a wrong check digit.
const CARD_A = '2770000000017';
const CARD_B = '2770000000024';
const BAD_CARD = '2770000000030';
const FILE = [
  'external_id,first_name,last_name,birth_date,cards,phone,email,consent_program,consent_marketing,consent_profiling,consent_date,consent_text_version,opening_points',
  `E2E-1,Wilhelmina,Quartermaine,1980-02-03,${CARD_A},+44 7700 900555,wil@example.com,1,1,1,2024-05-01,terms-2024,750`,
  `E2E-2,Otto,Quartermaine,,${CARD_B},,,1,0,0,2024-05-01,terms-2024,0`,
  `E2E-3,Bad,Card,,${BAD_CARD},,,1,0,0,2024-05-01,terms-2024,0`,
].join('\n');

test('members move in from a CSV, a re-run imports nothing, and staff find and open a member by name, card or e-mail', async ({ page }, testInfo) => {
  await signIn(page, 'imports');
  const upload = async () => {
    await page.getByTestId('members-import-file').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) });
    await page.getByTestId('members-import-submit').click();
    return page.getByTestId('members-import-report');
  };
  const report = await upload();
  await expect(report).toContainText('Members imported2');
  await expect(page.getByTestId('members-import-rejected')).toContainText('VITRINA_ERR_CARD_INVALID');
  await expect(page.getByTestId('members-import-rejected')).toContainText('E2E-3');
  await page.screenshot({ path: testInfo.outputPath('members-import-report.png'), fullPage: true });
  await upload();
  await expect(page.getByTestId('members-import-report')).toContainText('Members imported0');
  await expect(page.getByTestId('members-import-report')).toContainText('Already imported2');

  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customer-search').fill('quarter');
  await page.getByTestId('customer-open').click();
  await expect(page.getByTestId('customer-results-table').locator('tbody tr')).toHaveCount(2);
  await page.getByTestId('customer-results-table').getByRole('row', { name: /Wilhelmina/ }).getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('customer-detail')).toContainText('Wilhelmina Quartermaine');
  await expect(page.getByTestId('customer-cards')).toHaveText(`•••• ${CARD_A.slice(-4)}`);
  await expect(page.getByTestId('customer-phone')).toHaveText('•••• 0555');
  await expect(page.getByTestId('customer-email')).toHaveText('w***@e***.com');
  await expect(page.getByTestId('ledger-table')).toContainText('opening balance');
  await expect(page.getByTestId('ledger-table')).toContainText('+750');
  await expect(page.getByTestId('customer-export')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('member-page.png'), fullPage: true });

  for (const term of [CARD_B, 'WIL@example.com']) {
    await page.getByTestId('customer-search').fill(term);
    await page.getByTestId('customer-open').click();
    await expect(page.getByTestId('customer-results-table').locator('tbody tr')).toHaveCount(1);
  }
  await page.getByTestId('customer-search').fill(CARD_A.slice(0, 8));
  await page.getByTestId('customer-open').click();
  await expect(page.getByTestId('customer-no-results')).toBeVisible();
});
