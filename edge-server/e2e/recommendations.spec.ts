import { test, expect } from '@playwright/test';
import type { RecommendationsState } from '@vitrina/contracts';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ TRAINING_ON_FIRST_START: 'true' }); // the other specs' servers do not train on first start
});
test.afterAll(async () => {
  await server?.stop();
});

test('the demo store trains on its own receipts on first start, and the Recommendations page shows the decision', async ({ page }) => {
  // The first-start run trains a real model in a child process: minutes on a busy 2-core box.
  test.setTimeout(600_000);
  await expect
    .poll(async () => (await server.api<RecommendationsState>('/api/v1/recommendations')).decisions.length, { timeout: 540_000, intervals: [2_000] })
    .toBeGreaterThan(0);
  const state = await server.api<RecommendationsState>('/api/v1/recommendations');
  const [decision] = state.decisions;
  expect(decision!.trigger).toBe('first-start');
  expect(decision!.outcome).not.toBe('failed');
  // Never the committed Ta-Feng model: the store's own model or a named baseline.
  expect(state.serving.ranker).not.toMatch(/tafeng/);

  await page.goto(`${server.url}/console/recommendations`);
  await page.getByTestId('login-username').fill(server.demo.admin.username);
  await page.getByTestId('login-password').fill(server.demo.admin.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('serving-ranker')).toHaveText(state.serving.ranker!);
  await expect(page.getByTestId('decision')).toHaveCount(1);
  await expect(page.getByTestId('decision').first()).toHaveAttribute('data-outcome', decision!.outcome);
  if (decision!.methods.length > 0) await expect(page.getByTestId('method')).toHaveCount(decision!.methods.length);
  await expect(page.getByTestId('next-run')).toContainText('nightly at 3:00');
  await page.screenshot({ path: test.info().outputPath('recommendations.png'), fullPage: true });

  await page.getByTestId('train-now').click();
  await expect(page.getByTestId('training-state')).toContainText('Running');
  await expect(page.getByTestId('train-now')).toBeDisabled();
});
