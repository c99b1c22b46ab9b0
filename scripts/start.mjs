// `npm start`: install what is missing, build the apps, then run the edge server
// (which seeds the demo store on first run and serves everything on one port).
import { ensureAppsBuilt, ensureLibusb, ensureNodeModules, log, ROOT } from './lib/setup.mjs';
import { spawn } from 'node:child_process';

ensureNodeModules();
ensureLibusb();
ensureAppsBuilt();
log(`starting the edge server on port ${process.env.PORT ?? 8080}…`);
const child = spawn(process.execPath, ['--import', 'tsx', 'edge-server/src/server.ts'], { cwd: ROOT, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
