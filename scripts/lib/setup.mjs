// Set-up steps shared by `npm start` and `npm test`: each checks first and does only what is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export function log(msg) {
  console.log(`\x1b[36m[vitrina]\x1b[0m ${msg}`);
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts, env: { ...process.env, ...opts.env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
}

function newestMtime(dir) {
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** npm packages: install when node_modules is missing or older than package-lock.json. */
export function ensureNodeModules() {
  const marker = join(ROOT, 'node_modules/.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(join(ROOT, 'package-lock.json')).mtimeMs) return;
  log('installing npm packages (sqlite3 builds from source, about a minute)…');
  // onnxruntime-node's postinstall would try to download CUDA files; the CPU binaries ship in the package.
  run('npm', ['install', '--no-audit', '--no-fund'], { env: { ONNXRUNTIME_NODE_INSTALL: 'skip' } });
}

function aptInstall(pkg) {
  if (!isRoot) return false;
  log(`installing ${pkg} from apt…`);
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  if (update.status !== 0) return false;
  const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

/** libusb for node-hid: optional, the server runs without scanners and says why in /api/health. */
export function ensureLibusb() {
  try {
    if (execFileSync('ldconfig', ['-p'], { encoding: 'utf8' }).includes('libusb-1.0.so')) return;
  } catch {
    return;
  }
  if (!aptInstall('libusb-1.0-0')) log('libusb-1.0-0 is missing and could not be installed: USB scanners stay off (see /api/health).');
}

export const NATS_SERVER = process.env.NATS_SERVER || '/usr/sbin/nats-server';

/** apt-get through `sudo -n` (never prompts) when not root; false when neither is possible. */
function aptInstallAsAnyone(pkg) {
  if (isRoot) return aptInstall(pkg);
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
  if (sudo.status !== 0) return false;
  log(`installing ${pkg} from apt (sudo)…`);
  if (spawnSync('sudo', ['-n', 'apt-get', 'update', '-qq'], { stdio: 'inherit' }).status !== 0) return false;
  const r = spawnSync('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', pkg], { stdio: 'inherit' });
  return r.status === 0;
}

/**
 * nats-server (Debian package) for the chain tests, bench and demo: from apt when missing (as
 * root, or with non-interactive sudo); otherwise a clear message and false.
 */
export function ensureNatsServer() {
  if (existsSync(NATS_SERVER)) return true;
  if (aptInstallAsAnyone('nats-server') && existsSync(NATS_SERVER)) return true;
  console.error(`\n[vitrina] nats-server is required for the chain tests and was not found at ${NATS_SERVER}.\n` +
    '  Install it with: sudo apt-get install nats-server   (or set NATS_SERVER to a nats-server binary)\n');
  return false;
}

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** System Chromium for the browser tests: from apt when missing; otherwise a clear failure. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  if (aptInstall('chromium') && existsSync(CHROMIUM)) return true;
  console.error(`\n[vitrina] Chromium is required for the browser tests and was not found at ${CHROMIUM}.\n` +
    '  Install it with: sudo apt-get install chromium   (or set CHROMIUM_PATH to a Chromium binary)\n');
  return false;
}

const APPS = ['kiosk', 'signage', 'edge-server/console'];

/** Builds each app whose sources are newer than its dist/index.html. */
export function ensureAppsBuilt() {
  for (const app of APPS) {
    const dir = join(ROOT, app);
    const index = join(dir, 'dist/index.html');
    // An app depends on its own sources and config, and on the contracts (client side and Vite factory included).
    const inputs = [join(dir, 'src'), join(dir, 'vite.config.ts'), join(dir, 'index.html'), join(ROOT, 'edge-server/contracts/src'), join(ROOT, 'edge-server/contracts/client')];
    const stale = !existsSync(index) || inputs.some((p) => existsSync(p) && newestMtime(p) > statSync(index).mtimeMs);
    if (!stale) continue;
    log(`building ${app}…`);
    run('npm', ['run', 'build', '--workspace', app]);
  }
}
