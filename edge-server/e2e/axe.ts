import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

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

/** Every axe count measured in this worker, for the summary line a spec may print at the end. */
export const axeLog: AxeCounts[] = [];

/**
 * Runs axe-core (all WCAG 2.x A/AA rules and best practices) on the page as it is now and fails
 * the test on any critical, serious or moderate violation, naming the rule and the elements.
 * Minor findings are counted (and attached) but do not fail. Returns the counts.
 */
export async function expectAccessible(page: Page, state: string): Promise<AxeCounts> {
  const results = await new AxeBuilder({ page }).disableRules(KIOSK_MODE_DISABLED_RULES).analyze();
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
