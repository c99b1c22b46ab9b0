import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import sharp from 'sharp';
import type { FleetView, MediaList, PlayBatchResult, ProofOfPlayReport, ScreenshotRequest } from '@vitrina/contracts';
import { connectDevice, emitAck } from '../src/test-support/sockets.js';
import { startServer, type RunningServer } from './server.js';

/**
 * The console side of issue 10's media, proof of play and fleet, in the real browser against a
 * real server: upload an image and a video with progress, see the proof-of-play report count a
 * screen's plays once, see a silent-device alert, and take a remote screenshot of a connected
 * screen (here a socket.io client standing in for the signage app, which answers with a PNG).
 */
let server: RunningServer;
test.beforeAll(async () => {
  test.setTimeout(240_000); // a server start on a loaded 2-core machine
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function signIn(page: Page, path: string) {
  await page.goto(`${server.url}/console/${path}`);
  await page.getByTestId('login-username').fill(server.demo.admin.username);
  await page.getByTestId('login-password').fill(server.demo.admin.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav')).toBeVisible();
}

test('uploads an image and a video to the media library, and refuses an SVG with script', async ({ page }) => {
  await signIn(page, 'media');
  const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#2a7' } }).png().toBuffer();
  const webm = readFileSync(new URL('../src/domains/media/fixtures/clip.webm', import.meta.url));
  await page.getByTestId('media-upload').setInputFiles([
    { name: 'spring-sale.png', mimeType: 'image/png', buffer: png },
    { name: 'bakery.webm', mimeType: 'video/webm', buffer: webm },
  ]);
  await expect(page.getByTestId('media-item')).toHaveCount(2);
  await expect(page.locator('[data-testid="media-item"][data-kind="video"]')).toContainText('320×240');
  await expect(page.locator('[data-testid="media-item"][data-kind="image"]')).toContainText('640×360');
  const list = await server.api<MediaList>('/api/v1/media');
  expect(list.items.map((m) => m.mime).sort()).toEqual(['image/png', 'video/webm']);
  await page.screenshot({ path: test.info().outputPath('media-library.png'), fullPage: true });

  await page.getByTestId('media-upload').setInputFiles([{ name: 'bad.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') }]);
  await expect(page.getByTestId('error-notice')).toContainText('script', { timeout: 60_000 });
  await expect(page.getByTestId('media-item')).toHaveCount(2);
});

test('the proof-of-play report counts a screen\'s batch once, even delivered twice', async ({ page }) => {
  const screen = server.demo.devices.find((d) => d.kind === 'screen')!;
  const socket = await connectDevice(server.url, '/signage', screen.token);
  const now = Date.now();
  const records = Array.from({ length: 3 }, (_, i) => ({
    id: randomUUID(), itemId: `slide-${i}`, itemName: `Slide ${i}`, itemKind: 'image', mediaHash: null, layoutId: null, regionId: null,
    zoneId: screen.zoneId, reason: 'scheduled', takeoverId: null, startedAt: new Date(now - (i + 1) * 20_000).toISOString(), endedAt: new Date(now - i * 20_000 - 10_000).toISOString(),
  }));
  expect(await emitAck<{ ok: boolean; data: PlayBatchResult }>(socket, 'signage:proof-of-play', { records })).toMatchObject({ ok: true, data: { inserted: 3 } });
  expect(await emitAck<{ ok: boolean; data: PlayBatchResult }>(socket, 'signage:proof-of-play', { records })).toMatchObject({ ok: true, data: { inserted: 0, duplicates: 3 } });
  socket.close();

  await signIn(page, 'proof-of-play');
  // The page's default range: the browser's last 7 days (plays are filed under the store's day, which may be yesterday in UTC).
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
  const report = await server.api<ProofOfPlayReport>(`/api/v1/proof-of-play/report?from=${from}&to=${to}`);
  expect(report.totals.plays).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('kpi-pop-plays-value')).toHaveText(String(report.totals.plays));
  await expect(page.getByTestId('pop-item-row')).toHaveCount(report.items.length);
  await expect(page.getByTestId('pop-chart')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('proof-of-play.png'), fullPage: true });
});

test('the fleet shows silent devices and a remote screenshot of a connected screen', async ({ page }) => {
  const screen = server.demo.devices.find((d) => d.kind === 'screen')!;
  const socket = await connectDevice(server.url, '/signage', screen.token);
  await emitAck(socket, 'device:status', { appVersion: 'signage-e2e', currentItem: { itemId: 'slide-1', itemName: 'Spring sale', itemKind: 'image' }, cache: { itemsCached: 4, itemsTotal: 5, bytes: 3_200_000 }, uptimeMs: 7_200_000, errorCount: 1 });
  const shot = await sharp({ create: { width: 480, height: 270, channels: 3, background: '#c52' } })
    .composite([{ input: Buffer.from('<svg width="480" height="270"><text x="40" y="150" font-size="48" fill="white">Screen E2E</text></svg>') }]).png().toBuffer();
  socket.on('device:screenshot-request', (req: ScreenshotRequest) => {
    void emitAck(socket, 'device:screenshot', { requestId: req.requestId, image: `data:image/png;base64,${shot.toString('base64')}` });
  });

  await signIn(page, 'fleet');
  const view = await server.api<FleetView>('/api/v1/fleet');
  const row = page.locator(`[data-testid="fleet-row"][data-device-id="${screen.id}"]`);
  await expect(row).toContainText('signage-e2e');
  await expect(row).toContainText('4 / 5');
  if (view.alerts.length > 0) await expect(page.getByTestId('fleet-alert')).toBeVisible();
  await row.getByTestId('fleet-capture').click();
  await expect(page.getByTestId('fleet-screenshot')).toBeVisible();
  expect(await page.getByTestId('fleet-screenshot').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(480);
  await page.screenshot({ path: test.info().outputPath('fleet.png'), fullPage: true });
  socket.close();
});

test('a kiosk reports itself to the fleet, and sends a screenshot of its attract screen but never of a shopper at it', async ({ page }) => {
  const kiosk = server.demo.devices.find((d) => d.kind === 'kiosk')!;
  await page.goto(`${server.url}/kiosk/?token=${kiosk.token}`);
  await expect(page.getByTestId('attract')).toBeVisible();
  const kioskRow = async () => (await server.api<FleetView>('/api/v1/fleet')).devices.find((d) => d.id === kiosk.id)!;
  await expect.poll(async () => (await kioskRow()).currentItem?.itemId, { timeout: 30_000 }).toBe('attract');
  const row = await kioskRow();
  expect(row.appVersion).toMatch(/^\d+\.\d+\.\d+/);
  expect(row.cache).toBeNull(); // a kiosk plays no media library
  expect(row.currentItem).toEqual({ itemId: 'attract', itemName: 'attract', itemKind: 'kiosk-screen' });

  // The attract screen: a real picture of the kiosk's own DOM, stored and shown to the console.
  const stored = await server.send<{ bytes: number }>('POST', `/api/v1/fleet/${kiosk.id}/screenshot`);
  expect(stored.bytes).toBeGreaterThan(1000);
  const shot = await server.api<{ image: string }>(`/api/v1/fleet/${kiosk.id}/screenshot`);
  expect(shot.image).toMatch(/^data:image\/jpeg;base64,/);

  // A shopper at the keypad: the kiosk says no, and the console gets the reason, not a picture.
  await page.getByTestId('open-keypad').click();
  await expect.poll(async () => (await kioskRow()).currentItem?.itemId, { timeout: 30_000 }).toBe('keypad');
  await expect(server.send('POST', `/api/v1/fleet/${kiosk.id}/screenshot`)).rejects.toThrow(/VITRINA_ERR_SCREENSHOT_INVALID.*a shopper is using the kiosk/);
  const latest = await server.api<{ image: string }>(`/api/v1/fleet/${kiosk.id}/screenshot`);
  expect(latest.image).toBe(shot.image); // the attract picture stays the latest one
});
