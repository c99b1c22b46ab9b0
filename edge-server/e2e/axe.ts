import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import axeCore from 'axe-core';

/** Violations by axe impact level on one page state. */
export interface AxeCounts {
  state: string;
  critical: number;
  serious: number;
  moderate: number;
  minor: number;
}

/**
 * Rules switched off on the kiosk and signage for a kiosk-mode reason (kiosk/README.md says why and
 * what is offered instead):
 * - `meta-viewport`: the apps set `user-scalable=no`. A pinch-zoomed public screen would be left
 *   zoomed for the next shopper, with the session's buttons off screen; the kiosk offers its
 *   large-text / high-contrast toggle instead (reset when the session ends), and signage is not
 *   interactive at all.
 */
export const KIOSK_MODE_DISABLED_RULES = ['meta-viewport'];

/**
 * axe-core's own source, with its timers kept off the page's clock. Our specs freeze the page's
 * clock (clock.ts) so nothing times out while they look; axe schedules its work with
 * setTimeout(…, 0), which a frozen clock never runs. Inside this wrapper axe's `setTimeout` is a
 * MessageChannel queue (which no test clock touches): zero-delay callbacks run in order, and its
 * longer timers, only ever watchdogs racing work that finishes (frames that do not answer,
 * ElementInternals), never fire. The page's own timers are untouched.
 */
const AXE_SOURCE = `(function () {
  var queue = [];
  var channel = new MessageChannel();
  channel.port1.onmessage = function () { var run = queue.shift(); if (run) run(); };
  function axeSetTimeout(fn, ms) {
    var args = Array.prototype.slice.call(arguments, 2);
    if (!(ms > 1)) { queue.push(function () { fn.apply(null, args); }); channel.port2.postMessage(0); }
    return 0;
  }
  function axeClearTimeout() {}
  (function (setTimeout, clearTimeout) {
${axeCore.source}
  })(axeSetTimeout, axeClearTimeout);
})();`;

/** CSS properties whose animation changes the colours axe measures (an entry fade, a tint). */
const COLOUR_PROPERTIES = ['opacity', 'color', 'backgroundColor', 'background', 'filter'];

/**
 * axe measures contrast as painted: text in the middle of its entry fade (the kiosk's problem
 * toast, signage's region fade-in) fails against its half-blended background. Waits until every
 * finite animation of opacity or colour has finished — a state, not a time; animations of
 * position only (the takeover's draining bar) and endless ones (the ticker) are left running.
 * Repeated, as a finished fade may start another.
 */
async function settleFades(page: Page) {
  for (let round = 0; round < 10; round++) {
    const waited = await page.evaluate(async (colour) => {
      const fades = document.getAnimations().filter((a) => {
        if (a.playState !== 'running' || !a.effect) return false;
        if (!Number.isFinite(Number(a.effect.getComputedTiming().endTime))) return false;
        const keyframes = a.effect instanceof KeyframeEffect ? a.effect.getKeyframes() : [];
        return keyframes.some((k) => colour.some((p) => p in k));
      });
      await Promise.all(fades.map((a) => a.finished.catch(() => undefined)));
      return fades.length;
    }, COLOUR_PROPERTIES);
    if (waited === 0) return;
  }
}

/** Time added to the test's timeout per axe check (an upper bound for a stuck run, not a budget). */
const AXE_BUDGET_MS = 90_000;

/** Every axe count measured in this worker, for the summary line a spec may print at the end. */
export const axeLog: AxeCounts[] = [];

/**
 * Runs axe-core (all WCAG 2.x A/AA rules and best practices) on the page as it is now and fails
 * the test on any critical, serious or moderate violation, naming the rule and the elements.
 * Minor findings are counted (and attached) but do not fail. Returns the counts.
 */
export async function expectAccessible(page: Page, state: string): Promise<AxeCounts> {
  // A full axe run takes seconds, and tens of seconds on a busy 2-core box: each check brings its
  // own time budget rather than eating the test's.
  test.info().setTimeout(test.info().timeout + AXE_BUDGET_MS);
  await settleFades(page);
  const results = await new AxeBuilder({ page, axeSource: AXE_SOURCE }).disableRules(KIOSK_MODE_DISABLED_RULES).analyze();
  const count = (impact: string) => results.violations.filter((v) => v.impact === impact).length;
  const counts: AxeCounts = { state, critical: count('critical'), serious: count('serious'), moderate: count('moderate'), minor: count('minor') };
  axeLog.push(counts);
  const blocking = results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious' || v.impact === 'moderate')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join('; ') ?? ''}`).join('\n')}`);
  await test.info().attach(`axe-${state}.json`, { body: JSON.stringify({ counts, violations: results.violations }, null, 2), contentType: 'application/json' });
  expect(blocking, `axe violations on "${state}"`).toEqual([]);
  return counts;
}
