/**
 * Head office's console (ROLE=headoffice) publishing a chain campaign, with real parts: a hub
 * nats-server and one leaf nats-server per store (test-support/chain-cluster.ts, as the chain
 * tests and `npm run chain:demo` use), head office as its own server process, and two demo
 * stores (one in region "north", one in "south") as their own server processes on their leaves.
 * A marketer signs in, creates a campaign for the north, edits it, and sees both publications
 * with their targets; the campaign is live at the northern store only, at its edited version.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { startChainCluster, waitFor, type ChainCluster } from '../src/test-support/chain-cluster.js';
import { spawnEdgeServer, type ServerProcess } from '../src/test-support/server-process.js';
import { startServer, type RunningServer } from './server.js';

const MARKETER = { username: 'e2e-mia', temporary: 'lantern-orchard-57-tide', own: 'plum-harbour-violin-58' };

let cluster: ChainCluster;
let hq: ServerProcess;
let hqDir: string;
let north: RunningServer;
let south: RunningServer;
let productId: string;

/** A call to head office's API with a bearer token; throws on a non-2xx answer. */
async function hqCall<T>(token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${hq.url}${path}`, {
    method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

test.beforeAll(async () => {
  test.setTimeout(600_000);
  cluster = await startChainCluster([{ id: 'n1', region: 'north' }, { id: 's1', region: 'south' }]);
  hqDir = mkdtempSync(join(tmpdir(), 'vitrina-e2e-hq-'));
  hq = await spawnEdgeServer({
    dataDir: hqDir, quiet: true, timeoutMs: 300_000, healthPath: '/api/v1/hq/role',
    env: { ROLE: 'headoffice', HQ_NATS_URL: cluster.hubUrl, HQ_NATS_USER: cluster.hqUser, HQ_NATS_PASSWORD: cluster.hqPassword },
  });
  north = await startServer({ STORE_ID: 'n1', CHAIN_NATS_URL: cluster.store('n1').url, CHAIN_REGION: 'north', ...cluster.store('n1').edgeEnv });
  south = await startServer({ STORE_ID: 's1', CHAIN_NATS_URL: cluster.store('s1').url, CHAIN_REGION: 'south', ...cluster.store('s1').edgeEnv });
  productId = (await north.api<{ items: { id: string; restricted: boolean }[] }>('/api/v1/products?pageSize=50')).items.find((p) => !p.restricted)!.id;

  // Head office's first admin sets a password, registers the two stores and adds a marketer.
  const first = JSON.parse(readFileSync(join(hqDir, 'first-admin.json'), 'utf8')) as { username: string; temporaryPassword: string };
  let { token } = await hqCall<{ token: string }>(null, 'POST', '/api/v1/auth/login', { username: first.username, password: first.temporaryPassword });
  await hqCall(token, 'POST', '/api/v1/auth/password', { currentPassword: first.temporaryPassword, newPassword: 'quartz-meadow-lamp-31' });
  ({ token } = await hqCall<{ token: string }>(null, 'POST', '/api/v1/auth/login', { username: first.username, password: 'quartz-meadow-lamp-31' }));
  await hqCall(token, 'PUT', '/api/v1/hq/stores', { id: 'n1', name: 'Tverskaya', region: 'north' });
  await hqCall(token, 'PUT', '/api/v1/hq/stores', { id: 's1', name: 'Krasnodar', region: 'south' });
  await hqCall(token, 'POST', '/api/v1/staff', { username: MARKETER.username, role: 'marketer', temporaryPassword: MARKETER.temporary });
});
test.afterAll(async () => {
  await north?.stop();
  await south?.stop();
  await hq?.stop();
  if (hqDir) rmSync(hqDir, { recursive: true, force: true });
  await cluster?.close();
});

async function signInAsMarketer(page: Page) {
  await page.goto(`${hq.url}/console/`);
  await page.getByTestId('login-username').fill(MARKETER.username);
  await page.getByTestId('login-password').fill(MARKETER.temporary);
  await page.getByTestId('login-submit').click();
  // The temporary password leads only to choosing her own.
  await page.getByTestId('current-password').fill(MARKETER.temporary);
  await page.getByTestId('new-password').fill(MARKETER.own);
  await page.getByTestId('new-password-again').fill(MARKETER.own);
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('current-role')).toHaveText('Marketer');
}

test('a marketer publishes a campaign to one region, edits it, sees both publications with their targets, and it is live at that region\'s store only', async ({ page }) => {
  test.setTimeout(300_000);
  await signInAsMarketer(page);
  await page.getByTestId('nav-hq-campaigns').click();
  await expect(page.getByTestId('hq-campaigns')).toContainText('not published a campaign yet');

  // New campaign for the north: one offer, holdout 10 %.
  await page.getByTestId('hq-campaign-new').click();
  await page.getByTestId('hq-campaign-name').fill('Spring in the north');
  await page.getByTestId('hq-campaign-holdout').fill('10');
  await page.getByTestId('hq-offer-add').click();
  await page.getByTestId('hq-offer-0-product').fill(productId);
  await page.getByTestId('hq-offer-0-title').fill('Spring: 15% off');
  await page.getByTestId('hq-offer-0-value').fill('15');
  // Publishing without stores chosen is refused by the form.
  await page.getByTestId('hq-campaign-target-stores').check();
  await page.getByTestId('hq-campaign-publish').click();
  await expect(page.getByTestId('hq-campaign-problems')).toContainText('Choose the stores');
  await page.getByTestId('hq-campaign-target-region').check();
  await page.getByTestId('hq-campaign-target-region-select').selectOption('north');
  await expect(page.getByTestId('hq-campaign-target-reach')).toHaveText('Reaches 1 store: Tverskaya');
  await page.screenshot({ path: test.info().outputPath('new-campaign-form.png'), fullPage: true });
  await page.getByTestId('hq-campaign-publish').click();
  await expect(page.getByTestId('hq-campaign-done')).toHaveText('Published v1 to n1.');

  // Edit it: a new name, a larger holdout, a bigger discount → v2.
  const row = page.locator('tr[data-testid^="hq-campaign-cmp-"]').filter({ hasText: 'Spring in the north' }).first();
  await expect(row).toContainText('Region north');
  await row.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByTestId('hq-campaign-name')).toHaveValue('Spring in the north');
  await expect(page.getByTestId('hq-offer-0-value')).toHaveValue('15');
  await page.getByTestId('hq-campaign-name').fill('Spring in the north, extended');
  await page.getByTestId('hq-campaign-holdout').fill('20');
  await page.getByTestId('hq-offer-0-title').fill('Spring: 20% off');
  await page.getByTestId('hq-offer-0-value').fill('20');
  await expect(page.getByTestId('hq-campaign-target-region-select')).toHaveValue('north');
  await page.getByTestId('hq-campaign-publish').click();
  await expect(page.getByTestId('hq-campaign-done')).toHaveText('Published v2 to n1.');

  const edited = page.locator('tr[data-testid^="hq-campaign-cmp-"]').filter({ hasText: 'Spring in the north, extended' });
  await expect(edited).toHaveCount(1);
  await expect(edited).toContainText('20%');
  await expect(edited).toContainText('v2');
  const publications = page.getByTestId('hq-publications-row');
  await expect(publications).toHaveCount(2);
  await expect(publications.nth(0)).toHaveAttribute('data-version', '2');
  await expect(publications.nth(1)).toHaveAttribute('data-version', '1');
  for (const i of [0, 1]) {
    await expect(publications.nth(i).getByTestId('hq-publications-target')).toHaveText('Region north');
    await expect(publications.nth(i)).toContainText('e2e-mia');
  }
  await page.screenshot({ path: test.info().outputPath('campaigns-after-edit.png'), fullPage: true });

  // At the stores: the northern store applies v2 in full; the southern store never gets it.
  const campaignId = (await edited.getAttribute('data-testid'))!.replace('hq-campaign-', '');
  type StoreCampaign = { id: string; name: string; holdoutPct: number; status: string };
  const atNorth = await waitFor('the northern store applies v2', async () => {
    const c = (await north.api<StoreCampaign[]>('/api/v1/campaigns')).find((x) => x.id === campaignId);
    return c?.name === 'Spring in the north, extended' ? c : null;
  }, 120_000, 500);
  expect(atNorth).toMatchObject({ holdoutPct: 20, status: 'live' });
  // A later publication to every store is the barrier: once the southern store has it, it has read past the campaign's.
  const { token } = await hqCall<{ token: string }>(null, 'POST', '/api/v1/auth/login', { username: MARKETER.username, password: MARKETER.own });
  await hqCall(token, 'POST', '/api/v1/hq/publish/campaigns', {
    target: { scope: 'all' }, payload: { campaign: { id: 'e2e-barrier', name: 'Barrier', startsOn: '2026-01-01', endsOn: '2026-01-02', holdoutPct: 0, status: 'ended' } },
  });
  await waitFor('the southern store reads past the campaign', async () => (await south.api<StoreCampaign[]>('/api/v1/campaigns')).some((c) => c.id === 'e2e-barrier'), 120_000, 500);
  expect((await south.api<StoreCampaign[]>('/api/v1/campaigns')).map((c) => c.id)).not.toContain(campaignId);

  // The northern store's own console shows the chain campaign with the edited offer.
  await page.goto(`${north.url}/console/`);
  await page.getByTestId('login-username').fill(north.demo.admin.username);
  await page.getByTestId('login-password').fill(north.demo.admin.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-campaigns').click();
  await expect(page.getByTestId('campaign-list-table').getByText('Spring in the north, extended')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('northern-store-campaigns.png'), fullPage: true });
});
