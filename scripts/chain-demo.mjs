// `npm run chain:demo`: a chain on this machine for a person to try — a hub nats-server, two
// leaf nats-servers, two store edge servers (demo store seeded; s1 in region "north") and,
// when the head-office role is present, head office. Prints the URLs; Ctrl-C stops everything.
// Data lives under data/chain-demo/ (deleted on the next start).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNatsServer, ensureNodeModules, ensureAppsBuilt, log, ROOT } from './lib/setup.mjs';

ensureNodeModules();
if (!ensureNatsServer()) process.exit(1);
ensureAppsBuilt();

const { startChainCluster } = await import('../edge-server/src/test-support/chain-cluster.ts');
const { spawnEdgeServer } = await import('../edge-server/src/test-support/server-process.ts');

const base = join(ROOT, 'data', 'chain-demo');
rmSync(base, { recursive: true, force: true });
mkdirSync(base, { recursive: true });
const stores = [{ id: 's1', region: 'north' }, { id: 's2', region: null }];
log('starting the hub and two leaf nodes…');
const cluster = await startChainCluster(stores, { dir: join(base, 'nats') });
const servers = [];
const stop = async () => {
  for (const s of servers) await s.stop().catch(() => undefined);
  await cluster.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

for (const s of stores) {
  log(`starting store ${s.id} (seeding the demo store the first time takes a minute)…`);
  const dataDir = join(base, s.id);
  mkdirSync(dataDir, { recursive: true });
  servers.push(await spawnEdgeServer({
    dataDir, quiet: true, timeoutMs: 600_000,
    env: { STORE_ID: s.id, CHAIN_NATS_URL: cluster.store(s.id).url, ...cluster.store(s.id).edgeEnv, CHAIN_REGION: s.region ?? '', TRAINING_ON_FIRST_START: 'false' },
  }));
}
// Head office (ROLE=headoffice, roles/headoffice) on the hub as the "hq" user, when this checkout has it.
let hq = null;
if (existsSync(join(ROOT, 'edge-server/src/roles/headoffice'))) {
  log('starting head office…');
  const dataDir = join(base, 'hq');
  mkdirSync(dataDir, { recursive: true });
  hq = await spawnEdgeServer({
    dataDir, quiet: true, timeoutMs: 300_000, healthPath: '/api/v1/hq/role',
    env: { ROLE: 'headoffice', HQ_NATS_URL: cluster.hubUrl, HQ_NATS_USER: cluster.hqUser, HQ_NATS_PASSWORD: cluster.hqPassword },
  });
  servers.push(hq);
}

console.log(`
Chain demo is running (Ctrl-C stops it):
  hub (NATS, head office user "hq")  ${cluster.hubUrl}   password: ${cluster.hqPassword}
${stores.map((s, i) => `  store ${s.id}${s.region ? ` (region ${s.region})` : ''}  ${servers[i].url}/console   leaf ${cluster.store(s.id).url} (NKey seed ${cluster.store(s.id).seedFile})`).join('\n')}
${hq ? `  head office  ${hq.url}/console   (first admin: ${join(base, 'hq', 'first-admin.json')}; register stores s1 region north and s2 there to ingest them)` : '  head office: not started (the head-office role is not in this checkout)'}
Each store is the demo store: its admin user and password are in ${join(base, '<store>', 'demo.json')}.
Its seeded history and every receipt posted at its till flow up to the hub's VITRINA_UP stream;
campaigns head office publishes for region "north" reach s1 only.
`);
