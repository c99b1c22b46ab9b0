// Screenshots of every console page against a running edge server, for a human to look at.
// Usage: node edge-server/console/scripts/screenshots.mjs <baseUrl> <username> <password> [outDir] [role-label]
import { chromium } from 'playwright';
import { mkdirSync } from 'node:fs';

const [base = 'http://localhost:8080', username = 'admin', password = '', out = '/tmp/console-shots', label = 'admin'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const problems = [];
page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

await page.goto(`${base}/console/`);
await page.getByTestId('login-form').waitFor();
await page.screenshot({ path: `${out}/${label}-00-login.png` });
await page.getByTestId('login-username').fill(username);
await page.getByTestId('login-password').fill(password);
await page.getByTestId('login-submit').click();
await page.getByTestId('nav').waitFor();

const navIds = await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
let i = 1;
for (const id of navIds) {
  await page.getByTestId(id).click();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/${label}-${String(i++).padStart(2, '0')}-${id.slice(4)}.png`, fullPage: true });
}
console.log(JSON.stringify({ nav: navIds, problems }));
await browser.close();
