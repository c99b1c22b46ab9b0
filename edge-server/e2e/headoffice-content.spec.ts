/**
 * Head office's console (ROLE=headoffice) publishing content and prices, with real parts: a hub
 * nats-server and one leaf nats-server per store (test-support/chain-cluster.ts), head office as
 * its own server process, two demo stores (region "north" and "south") on their leaves. The
 * first admin uploads an image into head office's media library and publishes a layout with it
 * to the north; reads a 1C CommerceML pair into a preview and publishes its products and prices
 * to the south; sees both publications listed with their targets. The northern store has the
 * file (same sha256) in its own media library and the layout in its signage; the southern store
 * has the prices and not the layout.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { test, expect } from '@playwright/test';
import { startChainCluster, waitFor, type ChainCluster } from '../src/test-support/chain-cluster.js';
import { spawnEdgeServer, type ServerProcess } from '../src/test-support/server-process.js';
import { startServer, type RunningServer } from './server.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', '1c');
const PASSWORD = 'quartz-meadow-lamp-31';

let cluster: ChainCluster;
let hq: ServerProcess;
let hqDir: string;
let north: RunningServer;
let south: RunningServer;
let first: { username: string; temporaryPassword: string };

test.beforeAll(async () => {
  test.setTimeout(600_000);
  cluster = await startChainCluster([{ id: 'n1', region: 'north' }, { id: 's1', region: 'south' }]);
  hqDir = mkdtempSync(join(tmpdir(), 'vitrina-e2e-hq-content-'));
  hq = await spawnEdgeServer({
    dataDir: hqDir, quiet: true, timeoutMs: 300_000, healthPath: '/api/v1/hq/role',
    env: { ROLE: 'headoffice', HQ_NATS_URL: cluster.hubUrl, HQ_NATS_USER: cluster.hqUser, HQ_NATS_PASSWORD: cluster.hqPassword },
  });
  north = await startServer({ STORE_ID: 'n1', CHAIN_NATS_URL: cluster.store('n1').url, CHAIN_REGION: 'north', ...cluster.store('n1').edgeEnv });
  south = await startServer({ STORE_ID: 's1', CHAIN_NATS_URL: cluster.store('s1').url, CHAIN_REGION: 'south', ...cluster.store('s1').edgeEnv });
  first = JSON.parse(readFileSync(join(hqDir, 'first-admin.json'), 'utf8')) as typeof first;
});
test.afterAll(async () => {
  await north?.stop();
  await south?.stop();
  await hq?.stop();
  if (hqDir) rmSync(hqDir, { recursive: true, force: true });
  await cluster?.close();
});

test('an admin publishes a layout with an uploaded image to one region and 1C prices to another, and sees both publications with their targets', async ({ page }) => {
  test.setTimeout(400_000);
  // The first admin signs in with the temporary password and chooses her own.
  await page.goto(`${hq.url}/console/`);
  await page.getByTestId('login-username').fill(first.username);
  await page.getByTestId('login-password').fill(first.temporaryPassword);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-password').fill(first.temporaryPassword);
  await page.getByTestId('new-password').fill(PASSWORD);
  await page.getByTestId('new-password-again').fill(PASSWORD);
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('current-role')).toHaveText('Admin');

  // The two stores, registered on the chain page.
  await page.getByTestId('nav-chain').click();
  for (const [id, name, region] of [['n1', 'Tverskaya', 'north'], ['s1', 'Krasnodar', 'south']] as const) {
    await page.getByTestId('chain-register-id').fill(id);
    await page.getByTestId('chain-register-name').fill(name);
    await page.getByTestId('chain-register-region').fill(region);
    await page.getByTestId('chain-register-submit').click();
    await expect(page.getByTestId(`chain-store-${id}`)).toBeVisible();
  }

  // Content: an image into head office's library, a layout with it for the entrance, to the north.
  const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: { r: 30, g: 140, b: 90 } } }).png().toBuffer();
  await page.getByTestId('nav-hq-content').click();
  await page.getByTestId('hq-content-upload').setInputFiles({ name: 'spring.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('hq-content-media')).toHaveCount(1);
  await expect(page.getByTestId('hq-content-media')).toContainText('spring');
  await page.getByTestId('hq-content-name').fill('Spring at the entrance');
  await page.getByTestId('hq-content-add-main-image').click();
  await page.getByTestId('hq-slide-title').fill('Spring is here');
  await page.getByTestId('hq-content-add-ticker-ticker').click();
  await page.getByTestId('hq-slide-text').fill('Fresh tulips in every store');
  await page.getByTestId('hq-content-target-region').check();
  await page.getByTestId('hq-content-target-region-select').selectOption('north');
  await expect(page.getByTestId('hq-content-target-reach')).toContainText('Tverskaya');
  await page.screenshot({ path: test.info().outputPath('hq-content-compose.png'), fullPage: true });
  await page.getByTestId('hq-content-publish').click();
  await expect(page.getByTestId('hq-content-sent')).toContainText('n1');
  const contentRow = page.getByTestId('hq-content-published-row');
  await expect(contentRow).toHaveCount(1);
  await expect(contentRow.getByTestId('hq-content-published-target')).toHaveText('Region north');
  await expect(contentRow).toContainText('Spring at the entrance');
  await page.screenshot({ path: test.info().outputPath('hq-content-published.png'), fullPage: true });

  // Catalogue & prices: the 1C pair read into a preview, published to the south.
  await page.getByTestId('nav-hq-catalog').click();
  await page.getByTestId('hq-catalog-input').setInputFiles([join(FIXTURES, 'offers.xml'), join(FIXTURES, 'import.xml')]);
  await page.getByTestId('hq-catalog-preview').click();
  await expect(page.getByTestId('hq-catalog-counts')).toContainText(/\d+ products, \d+ prices/);
  const counts = (await page.getByTestId('hq-catalog-counts').textContent())!;
  const [products, prices] = counts.match(/\d+/g)!.map(Number);
  expect(products).toBeGreaterThan(0);
  expect(prices).toBeGreaterThan(0);
  await page.getByTestId('hq-catalog-target-region').check();
  await page.getByTestId('hq-catalog-target-region-select').selectOption('south');
  await page.screenshot({ path: test.info().outputPath('hq-catalog-preview.png'), fullPage: true });
  await page.getByTestId('hq-catalog-publish').click();
  await expect(page.getByTestId('hq-catalog-sent')).toContainText('s1');
  const catalogRows = page.getByTestId('hq-catalog-published-row');
  await expect(catalogRows).toHaveCount(2);
  await expect(catalogRows.nth(0)).toHaveAttribute('data-kind', 'prices');
  await expect(catalogRows.nth(1)).toHaveAttribute('data-kind', 'catalog');
  for (const i of [0, 1]) await expect(catalogRows.nth(i).getByTestId('hq-catalog-published-target')).toHaveText('Region south');
  await page.screenshot({ path: test.info().outputPath('hq-catalog-published.png'), fullPage: true });

  // At the stores. The north: the file in its own library (same bytes), the layout, the schedule.
  type Media = { id: string; name: string };
  const local = await waitFor('the northern store has the image', async () => (await north.api<{ items: Media[] }>('/api/v1/media')).items.find((m) => m.id === createHash('sha256').update(png).digest('hex')), 120_000, 500);
  const bytes = Buffer.from(await (await fetch(`${north.url}/media/lib/${local.id}.png`)).arrayBuffer());
  expect(bytes.equals(png)).toBe(true);
  type Layouts = { layouts: { id: string; name: string; regions: { slides: { kind: string; media?: { mediaId: string } }[] }[] }[] };
  const layout = (await north.api<Layouts>('/api/v1/signage/layouts')).layouts.find((l) => l.name === 'Spring at the entrance');
  expect(layout?.regions[0]?.slides[0]).toMatchObject({ kind: 'image', media: { mediaId: local.id } });
  expect((await north.api<{ defaultLayoutId: string | null }>('/api/v1/zones/entrance/schedule')).defaultLayoutId).toBe(layout!.id);
  // The south: the 1C products at their retail price (Молоко Простоквашино, 89.90 in offers.xml); no layout, no file.
  const milk = 'a2ca6752-a7be-5d7d-b1c6-58217d19ad10';
  const atSouth = await waitFor('the southern store has the 1C milk at its price', () => south.api<{ priceMinor: number | null }>(`/api/v1/products/${milk}`).then((p) => p.priceMinor === 8990 ? p : null, () => null), 120_000, 500);
  expect(atSouth.priceMinor).toBe(8990);
  await expect(north.api(`/api/v1/products/${milk}`)).rejects.toThrow(/404/);
  expect((await south.api<Layouts>('/api/v1/signage/layouts')).layouts.map((l) => l.name)).not.toContain('Spring at the entrance');
  expect((await south.api<{ items: Media[] }>('/api/v1/media')).items.map((m) => m.id)).not.toContain(local.id);
});
