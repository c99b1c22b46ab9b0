import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${server.url}/console/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

test('an admin adds a marketer, who must set a password first; disabling signs them out; the audit log and its CSV show it all', async ({ page, browser }) => {
  await signIn(page, server.demo.admin.username, server.demo.admin.password);
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('staff-username').fill('e2e-mira');
  await page.getByTestId('staff-display-name').fill('Mira');
  await page.getByTestId('staff-role').selectOption('marketer');
  await page.getByTestId('create-staff-submit').click();
  const temporary = (await page.getByTestId('temporary-password').textContent())!.trim();
  expect(temporary).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
  await page.getByTestId('temporary-password-done').click();
  await expect(page.getByTestId('temporary-password')).toHaveCount(0); // shown once
  await expect(page.locator('[data-testid="staff-row"][data-username="e2e-mira"] [data-testid="staff-status"]')).toHaveText('Temporary password');

  // Mira, on another computer: the temporary password leads only to choosing her own.
  const mira = await (await browser.newContext()).newPage();
  await signIn(mira, 'e2e-mira', temporary);
  await expect(mira.getByTestId('forced-password-change')).toBeVisible();
  await expect(mira.getByTestId('nav')).toHaveCount(0);
  await mira.getByTestId('current-password').fill(temporary);
  await mira.getByTestId('new-password').fill('password1234');
  await mira.getByTestId('new-password-again').fill('password1234');
  await mira.getByTestId('change-password-submit').click();
  await expect(mira.getByTestId('change-password-error')).toContainText('too common');
  await mira.getByTestId('current-password').fill(temporary);
  await mira.getByTestId('new-password').fill('plum-harbour-violin-58');
  await mira.getByTestId('new-password-again').fill('plum-harbour-violin-58');
  await mira.getByTestId('change-password-submit').click();
  await expect(mira.getByTestId('current-role')).toHaveText('Marketer');
  await expect(mira.getByTestId('nav-staff')).toHaveCount(0);
  await expect(mira.getByTestId('nav-audit')).toHaveCount(0);

  // The admin disables her: her next request finds the session gone.
  await page.reload();
  const row = page.locator('[data-testid="staff-row"][data-username="e2e-mira"]');
  await expect(row.getByTestId('staff-status')).toHaveText('Active');
  await row.getByTestId('staff-disable-button').click();
  await row.getByTestId('staff-disable-confirm').click();
  await expect(row.getByTestId('staff-status')).toHaveText('Disabled');
  await mira.getByTestId('nav-campaigns').click();
  await expect(mira.getByTestId('login-form')).toContainText('Your session ended');

  // The audit log: the three writes, newest first, by whom; and the CSV.
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-area').selectOption('staff');
  await expect(page.getByTestId('audit-row')).toHaveCount(2);
  await expect(page.getByTestId('audit-row').first()).toHaveAttribute('data-route', 'staff.setDisabled');
  await expect(page.getByTestId('audit-row').first()).toContainText('disabled: false → true');
  await page.getByTestId('audit-area').selectOption('');
  await expect(page.locator('[data-testid="audit-row"][data-route="auth.changePassword"]').first()).toContainText('e2e-mira');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^vitrina-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('id,at,userId,username,method,routeId,area,path,targetId,status,summary');
  for (const route of ['staff.create', 'auth.changePassword', 'staff.setDisabled']) expect(csv).toContain(route);
  for (const secret of [temporary, 'plum-harbour-violin-58', 'password1234']) expect(csv).not.toContain(secret);
});
