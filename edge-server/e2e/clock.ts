import type { Page } from '@playwright/test';

/**
 * Stops the page's clock where it is (needs `page.clock.install()` before the page loaded):
 * from then on the page's timers fire only when the test moves time on with
 * `page.clock.runFor()`, so nothing on screen can time out while a slow machine takes its
 * time, and a test about a timer says exactly how much time passes.
 *
 * While frozen, work that waits for an animation frame (e.g. Preact effects) waits too; DOM
 * updates from socket events and user input still happen.
 */
export async function freezeClock(page: Page): Promise<void> {
  // pauseAt takes an absolute time, which must not be behind the page's still-running clock:
  // aim just ahead of it, and aim again in the unlikely case the clock got there first.
  for (;;) {
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + 500);
      return;
    } catch (err) {
      if (!String(err).includes('Cannot fast-forward to the past')) throw err;
    }
  }
}
