/// <reference lib="dom" />
import { test, expect } from '@playwright/test';
import { startServer } from './server.js';

test('signage keeps playing from its service worker cache when the edge server goes away', async ({ page }, testInfo) => {
  const server = await startServer(18_612);
  try {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.url}/signage/?token=${server.device('screen-entrance-2').token}`);
    await expect(page.getByTestId('signage-loop')).toBeVisible();
    // Wait until the service worker controls the page (its precache is then complete).
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready) && navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 }).catch(async () => {
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    });
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
    const firstSlide = await page.getByTestId('slide').getAttribute('data-item-id');

    await server.stop();

    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
    await expect(page.getByTestId('slide')).toBeVisible();
    // The loop goes on: another slide comes up without the server.
    await expect.poll(async () => page.getByTestId('slide').getAttribute('data-item-id'), { timeout: 20_000 }).not.toBe(firstSlide);
    await page.screenshot({ path: testInfo.outputPath('signage-offline-loop.png') });

    // Even a reload (a screen rebooting its browser) comes back from the cache.
    await page.reload();
    await expect(page.getByTestId('signage-loop')).toBeVisible();
    await expect(page.getByTestId('slide')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('signage-offline-after-reload.png') });
  } finally {
    await server.stop();
  }
});
