import { test, expect, type Page } from '@playwright/test';
import type { Campaign, Health, Playlist, ProgramKpisView, RfmReport, Device } from '@vitrina/contracts';
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

test('sign-in refuses a wrong password with the server message, then opens every page for an admin', async ({ page }) => {
  await page.goto(`${server.url}/console/`);
  await page.getByTestId('login-username').fill(server.demo.admin.username);
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toBeVisible();
  await expect(page.getByTestId('nav')).toHaveCount(0);

  await page.getByTestId('login-password').fill(server.demo.admin.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('current-role')).toHaveText('Admin');
  const ids = await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(ids).toEqual(['nav-overview', 'nav-analytics', 'nav-segments', 'nav-survey', 'nav-campaigns', 'nav-promotions', 'nav-products', 'nav-loyalty', 'nav-playlists', 'nav-layouts', 'nav-schedule', 'nav-media', 'nav-proof-of-play', 'nav-devices', 'nav-rewards', 'nav-fleet', 'nav-gift-cards', 'nav-imports', 'nav-customers', 'nav-staff', 'nav-recommendations', 'nav-audit', 'nav-account']);
  for (const id of ids) {
    await page.getByTestId(id!).click();
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.getByTestId('error-boundary')).toHaveCount(0);
    await expect(page.getByTestId('not-available')).toHaveCount(0);
  }
});

test('the overview shows the health and the program figures the server reports', async ({ page }) => {
  await signIn(page);
  const health = await server.api<Health>('/api/health');
  await expect(page.getByTestId('health-panel')).toHaveAttribute('data-status', health.status);
  const kpis = await server.api<ProgramKpisView>('/api/v1/analytics/program?periodDays=30');
  await expect(page.getByTestId('kpi-members-value')).toHaveText(kpis.members.toLocaleString('en-US'));
  await expect(page.getByTestId('kpi-active-members-value')).toHaveText(kpis.activeMembers.toLocaleString('en-US'));
});

test('pairing shows the token once with a working device link; the device connects; revoking it sticks', async ({ page, browser }) => {
  await page.clock.install(); // to bring the device list's next poll forward, below
  await signIn(page, 'devices');
  await page.getByTestId('pair-kind').selectOption('kiosk');
  await page.getByTestId('pair-name').fill('E2E till kiosk');
  await page.getByTestId('pair-zone').selectOption('entrance');
  await page.getByTestId('pair-submit').click();
  const token = (await page.getByTestId('pairing-token').textContent())!.trim();
  expect(token.length).toBeGreaterThanOrEqual(8);
  const link = (await page.getByTestId('pairing-url').textContent())!.trim();
  expect(link).toBe(`${server.url}/kiosk/?token=${encodeURIComponent(token)}`);
  await page.getByTestId('pairing-done').click();
  await expect(page.getByTestId('pairing-token')).toHaveCount(0);

  const devices = await server.api<Device[]>('/api/v1/devices');
  const paired = devices.find((d) => d.name === 'E2E till kiosk')!;
  const row = page.locator(`[data-testid=device-row][data-device-id="${paired.id}"]`);
  await expect(row).toHaveAttribute('data-connected', 'false');

  // The one-time link pairs a real kiosk page; once the server sees it connected, presence
  // shows up on the console's next poll of the device list (every 10 s), brought forward here.
  const kiosk = await (await browser.newContext()).newPage();
  await kiosk.goto(link);
  await expect.poll(async () => (await server.api<Device[]>('/api/v1/devices')).find((d) => d.id === paired.id)?.connected).toBe(true);
  await page.clock.fastForward(10_000);
  await expect(row).toHaveAttribute('data-connected', 'true');
  await expect(row.getByTestId('device-status')).toHaveText('Connected');

  await row.getByTestId('revoke-button').click();
  await row.getByTestId('revoke-confirm').click();
  await expect(row).toHaveAttribute('data-status', 'revoked');
  await expect(row.getByTestId('device-status')).toHaveText('Revoked');
  const after = await server.api<Device[]>('/api/v1/devices');
  expect(after.find((d) => d.id === paired.id)?.status).toBe('revoked');
  await kiosk.close();
});

test('a playlist edit is checked before publishing and then published to the zone', async ({ page }) => {
  await signIn(page, 'playlists');
  await page.getByTestId('playlist-zone-entrance').click();
  await expect(page.getByTestId('playlist-editor')).toBeVisible();
  const before = await page.getByTestId('playlist-item').count();
  await page.getByTestId('playlist-add-message').click();
  await page.getByTestId('playlist-publish').click();
  await expect(page.getByTestId('playlist-problems')).toContainText(`Slide ${before + 1}`);

  await page.getByTestId('playlist-item-title').last().fill('E2E: double points on Tuesdays');
  await page.getByTestId('playlist-item-duration').last().fill('12');
  await page.getByTestId('playlist-item-up').last().click();
  await page.getByTestId('playlist-publish').click();
  await expect(page.getByTestId('playlist-saved')).toBeVisible();

  const published = await server.api<Playlist>('/api/v1/zones/entrance/playlist');
  expect(published.items).toHaveLength(before + 1);
  expect(published.items[before - 1]).toMatchObject({ kind: 'message', title: 'E2E: double points on Tuesdays', durationMs: 12_000 });
});

test('a new campaign appears in the results table with its holdout, and RFM segments match the server', async ({ page }) => {
  await signIn(page, 'campaigns');
  await page.getByTestId('campaign-name').fill('E2E autumn push');
  await page.getByTestId('campaign-holdout').fill('20');
  await page.getByTestId('campaign-submit').click();
  const listRow = page.locator('[data-testid=campaign-list-row]', { hasText: 'E2E autumn push' });
  await expect(listRow).toContainText('20%');
  const created = (await server.api<Campaign[]>('/api/v1/campaigns')).find((c) => c.name === 'E2E autumn push')!;
  expect(created.holdoutPct).toBe(20);
  await expect(listRow).toHaveAttribute('data-campaign-id', created.id);

  await page.getByTestId('nav-analytics').click();
  const row = page.getByTestId('campaigns-table').locator(`[data-testid=campaign-row][data-campaign-id="${created.id}"]`);
  await expect(row).toContainText('E2E autumn push');
  await expect(row).toContainText('holdout 20%');
  await expect(row.getByTestId('campaign-lift-ci')).toBeVisible();

  const rfm = await server.api<RfmReport>('/api/v1/analytics/rfm?limit=0');
  await expect(page.getByTestId('rfm-row')).toHaveCount(rfm.segments.length);
});

test('an ended session returns to the sign-in screen and back to the same page after signing in', async ({ page }) => {
  await page.goto(`${server.url}/console/`);
  await page.evaluate(() =>
    sessionStorage.setItem('vitrina.console.session', JSON.stringify({ token: 'revoked-token-123', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'x', username: 'ghost', role: 'admin' } })),
  );
  await page.goto(`${server.url}/console/devices`);
  await expect(page.getByTestId('login-form')).toContainText('Your session ended');
  await page.getByTestId('login-username').fill(server.demo.admin.username);
  await page.getByTestId('login-password').fill(server.demo.admin.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('devices-table')).toBeVisible();
});
