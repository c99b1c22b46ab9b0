/// <reference lib="dom" />
import { test, expect } from '@playwright/test';
import type { Playlist } from '@vitrina/contracts';
import { startServer } from './server.js';
import { expectAccessible } from './axe.js';

test('signage keeps playing from its service worker cache when the edge server goes away', async ({ page }, testInfo) => {
  const server = await startServer();
  try {
    // The clock runs as usual; the test only moves it on to the next slide instead of waiting.
    await page.clock.install();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.url}/signage/?token=${server.device('screen-entrance-2').token}`);
    await expect(page.getByTestId('signage-loop')).toBeVisible();
    // Wait until the service worker controls the page (it claims it once activated, and its
    // precache is then complete).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
    await expectAccessible(page, 'signage-loop');
    const firstSlide = await page.getByTestId('slide').getAttribute('data-item-id');
    const playlist = await server.api<Playlist>('/api/v1/zones/entrance/playlist');
    const longestSlideMs = Math.max(...playlist.items.map((i) => i.durationMs));

    await server.stop();

    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
    await expect(page.getByTestId('slide')).toBeVisible();
    // The loop goes on: another slide comes up without the server once the current one's time is up.
    await page.clock.fastForward(longestSlideMs);
    await expect.poll(async () => page.getByTestId('slide').getAttribute('data-item-id')).not.toBe(firstSlide);
    await page.screenshot({ path: testInfo.outputPath('signage-offline-loop.png') });
    await expectAccessible(page, 'signage-offline');

    // Even a reload (a screen rebooting its browser) comes back from the cache.
    await page.reload();
    await expect(page.getByTestId('signage-loop')).toBeVisible();
    await expect(page.getByTestId('slide')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('signage-offline-after-reload.png') });
  } finally {
    await server.stop();
  }
});
