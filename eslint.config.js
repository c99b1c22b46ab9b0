// ESLint flat config: typescript-eslint on every workspace, plus the architecture's import
// boundaries:
//  - the apps (kiosk, signage, console) import only @vitrina/contracts from the server side;
//  - contracts stay browser-safe;
//  - inside the edge server (edge-server/src), the rooms: platform/ and shared/ know no domain
//    and no use case; a domain reaches another domain only through its index.ts and never a
//    use case or the composition root; use cases are imported only from compose/app/server,
//    cli, tests, test-support, bench and e2e (and by another use case through its index.ts).
// SQL placement (repositories and migrations only) is checked by edge-server/src/sql-placement.test.ts,
// and every rule here is proved on deliberate violations by edge-server/src/architecture.test.ts.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const appBoundary = {
  'no-restricted-imports': ['error', {
    patterns: [
      { group: ['@vitrina/edge-server', '@vitrina/edge-server/*', '@vitrina/models', '@vitrina/models/*'], message: 'Apps import only @vitrina/contracts from the server side.' },
      { group: ['**/edge-server/src/**', '**/models/src/**', '../../src/**'], message: 'Apps import only @vitrina/contracts from the server side.' },
    ],
  }],
};

// ---------------------------------------------------------------------------------------------
// Edge-server rooms.
//
// `no-restricted-imports` sees the import string as written, not the file it resolves to, and in
// flat config a later object's options for a rule replace an earlier one's. So each edge-server
// file gets exactly one generated config object, built for its room AND its depth inside the
// room: knowing the depth, the builder knows what every `../` prefix climbs to and can write
// exact regexes (e.g. from domains/cards/x.ts, `../loyalty/service.js` and
// `../../domains/loyalty/service.js` are both the loyalty domain's internals; from
// domains/promotions/codes/x.ts, `../service.js` is its own domain).

const SRC = 'edge-server/src';
const dirsOf = (rel) => readdirSync(fileURLToPath(new URL(`./${rel}/`, import.meta.url)), { withFileTypes: true })
  .filter((d) => d.isDirectory()).map((d) => d.name).sort();

/** The domains and use cases, one folder each (a new folder is covered without editing this file). */
export const DOMAINS = dirsOf(`${SRC}/domains`);
export const USECASES = dirsOf(`${SRC}/usecases`);
/** The folders directly under edge-server/src that have rules (architecture.test.ts fails on any other). */
export const ROOMS = ['cli', 'domains', 'platform', 'shared', 'test-support', 'usecases', 'roles'];
/** How deep below its room's folder a file may sit and still get its room's rules (the test checks every real file). */
export const MAX_NESTING = 4;

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A restricted target, as a repository-relative path.
 * kind 'dir': the folder and everything in it; 'private': the folder except its index.ts;
 * 'file': one module (given without extension).
 */
const dir = (path, message) => ({ path, kind: 'dir', message });
const privateDir = (path, message) => ({ path, kind: 'private', message });
const file = (path, message) => ({ path, kind: 'file', message });

const TAIL = {
  dir: '(?:/|$)',
  private: '(?:$|/(?!index(?:\\.[cm]?[jt]s)?$))',
  file: '(?:\\.[cm]?[jt]s)?$',
};

/**
 * The `no-restricted-imports` pattern for one target, seen from files in `roomDir` + `nesting`
 * unknown folders: one alternative per number of `../` that lands on a known ancestor of the
 * target (the canonical relative path and the longer ways round through src/ or edge-server/).
 */
function patternFor(roomDir, nesting, target) {
  const room = roomDir.split('/');
  const to = target.path.split('/');
  const depth = room.length + nesting;
  const alternatives = [];
  for (let ups = 0; ups <= depth; ups++) {
    const ancestorLength = depth - ups;
    if (ancestorLength > room.length) {
      // The ancestor is one of the unknown folders inside the room: fine as long as no target lies inside the room.
      if (to.slice(0, room.length).join('/') === roomDir) throw new Error(`${target.path} lies inside ${roomDir}`);
      continue;
    }
    const ancestor = room.slice(0, ancestorLength);
    if (ancestor.some((seg, i) => to[i] !== seg) || to.length <= ancestor.length) continue;
    const lead = ups === 0 ? '\\./' : '\\.\\./'.repeat(ups);
    alternatives.push(lead + escapeRe(to.slice(ancestorLength).join('/')));
  }
  return { regex: `^(?:${alternatives.join('|')})${TAIL[target.kind]}`, caseSensitive: true, message: target.message };
}

/** One config object per nesting level, so that each file of the room matches exactly one. */
function room(roomDir, { targets, testTargets = targets, nests = true }) {
  const levels = nests ? MAX_NESTING : 0;
  const objects = [];
  for (let nesting = 0; nesting <= levels; nesting++) {
    const glob = `${roomDir}/${'*/'.repeat(nesting)}`;
    const rule = (list) => ({ 'no-restricted-imports': ['error', { patterns: list.map((t) => patternFor(roomDir, nesting, t)) }] });
    if (testTargets === targets) {
      objects.push({ files: [`${glob}*.ts`], rules: rule(targets) });
    } else {
      objects.push({ files: [`${glob}*.ts`], ignores: [`${glob}*.test.ts`], rules: rule(targets) });
      objects.push({ files: [`${glob}*.test.ts`], rules: rule(testTargets) });
    }
  }
  return objects;
}

const domainMsg = (d) => `The ${d} domain is reached only through its public index.ts (domains/${d}/index.js); its other files, repositories included, are private.`;
const domainInternals = (except) => DOMAINS.filter((d) => d !== except).map((d) => privateDir(`${SRC}/domains/${d}`, domainMsg(d)));

const UPWARD = 'is imported only by compose.ts/app.ts/server.ts, cli/, tests, test-support/, bench/ and e2e/.';
const useCasesFrom = (who) => dir(`${SRC}/usecases`, `${who} import no use case: use cases ${UPWARD}`);
const upward = (who) => [
  file(`${SRC}/compose`, `${who} import no compose.ts: the composition root is imported only by app.ts, server.ts, cli/, tests and test-support/.`),
  file(`${SRC}/app`, `${who} import no app.ts (transport registration).`),
  file(`${SRC}/server`, `${who} import no server.ts.`),
  dir(`${SRC}/cli`, `${who} import nothing from cli/.`),
  dir(`${SRC}/test-support`, 'test-support/ is for tests, bench and e2e only.'),
];

const edgeServerRooms = [
  // compose.ts, app.ts, server.ts (and tests beside them): anything, but domains only through their index.
  ...room(SRC, { nests: false, targets: [...domainInternals(), dir(`${SRC}/test-support`, 'test-support/ is for tests, bench and e2e only.')], testTargets: domainInternals() }),
  ...room(`${SRC}/cli`, { targets: [...domainInternals(), dir(`${SRC}/test-support`, 'test-support/ is for tests, bench and e2e only.')], testTargets: domainInternals() }),
  ...room(`${SRC}/test-support`, { targets: domainInternals() }),
  ...room('edge-server/bench', { targets: domainInternals() }),
  ...room('edge-server/e2e', { targets: domainInternals() }),
  // platform: infrastructure, knows no business rule (its tests neither).
  ...room(`${SRC}/platform`, {
    targets: [dir(`${SRC}/domains`, 'platform/ knows no domain.'), useCasesFrom('platform/ files'), ...upward('platform/ files')],
    testTargets: [dir(`${SRC}/domains`, 'platform/ knows no domain.'), useCasesFrom('platform/ tests')],
  }),
  // shared: pure helpers; @vitrina/contracts is fine.
  ...room(`${SRC}/shared`, {
    targets: [dir(`${SRC}/domains`, 'shared/ imports no domain.'), useCasesFrom('shared/ files'), dir(`${SRC}/platform`, 'shared/ imports no platform code.'), ...upward('shared/ files')],
    testTargets: [dir(`${SRC}/domains`, 'shared/ imports no domain.'), useCasesFrom('shared/ tests'), dir(`${SRC}/platform`, 'shared/ imports no platform code.')],
  }),
  // domains: another domain only through its index; no use case, no composition root. Tests may
  // import use cases, compose/app and test-support, but not another domain's internals either.
  ...DOMAINS.flatMap((d) => room(`${SRC}/domains/${d}`, {
    targets: [...domainInternals(d), useCasesFrom('Domains'), ...upward('Domains')],
    testTargets: domainInternals(d),
  })),
  // use cases: domains through their index; another use case through its index only; nothing above them.
  ...USECASES.flatMap((u) => room(`${SRC}/usecases/${u}`, {
    targets: [
      ...domainInternals(),
      ...USECASES.filter((v) => v !== u).map((v) => privateDir(`${SRC}/usecases/${v}`, `Another use case (${v}) is reached only through its index.ts (usecases/${v}/index.js).`)),
      ...upward('Use cases'),
    ],
    testTargets: domainInternals(),
  })),
  // roles: another process role of the same codebase (roles/headoffice): domains and use cases through their index only.
  ...room(`${SRC}/roles`, {
    targets: [
      ...domainInternals(),
      ...USECASES.map((v) => privateDir(`${SRC}/usecases/${v}`, `A use case (${v}) is reached only through its index.ts (usecases/${v}/index.js).`)),
      ...upward('Roles'),
    ],
    testTargets: domainInternals(),
  }),
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/dev-dist/**', 'test-results/**', 'playwright-report/**', 'data/**', 'models/artifacts/**', '**/scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
      // Input sanitizers match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['kiosk/**/*.{ts,tsx}', 'signage/**/*.{ts,tsx}', 'edge-server/console/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
    rules: appBoundary,
  },
  {
    // Contracts are shared with browsers: no Node-only modules.
    files: ['edge-server/contracts/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'crypto'], message: 'Contracts must run in browsers too.' }] }] },
  },
  {
    // ...and the main entry with Node too: browser-only code lives in contracts/client.
    files: ['edge-server/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'crypto'], message: 'Contracts must run in browsers too.' },
          { group: ['preact', 'preact/*', 'socket.io-client', '../client/**'], message: 'Browser-only code goes in @vitrina/contracts/client.' },
        ],
      }],
    },
  },
  {
    files: ['edge-server/contracts/client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  ...edgeServerRooms,
);
