// The import boundaries of eslint.config.js, proved: every rule is run (ESLint's own API, the
// repository's real config) on small snippets placed at virtual paths, once on a violation and
// once on the allowed form. The same config lints the real tree in `npm run lint`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'edge-server', 'src');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The no-restricted-imports messages ESLint gives `source` at the repository-relative `file`. */
async function restrictions(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(ROOT, file), warnIgnored: true });
  const fatal = result!.messages.filter((m) => m.fatal || m.ruleId === null);
  if (fatal.length > 0) throw new Error(`${file}: ${fatal.map((m) => m.message).join('; ')}`);
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const importOf = (spec: string) => `import { x } from '${spec}';\nexport const y = x;\n`;

type Case = [file: string, spec: string, why: string];

/** Each row: the file doing the import, what it imports, and what the row shows. */
function both(name: string, rejected: Case[], allowed: Case[], message?: RegExp) {
  describe(name, () => {
    it.each(rejected)('%s ✗ %s (%s)', async (file, spec) => {
      const found = await restrictions(file, importOf(spec));
      expect(found, `${file} importing ${spec} should be an error`).toHaveLength(1);
      if (message) expect(found[0]).toMatch(message);
    });
    it.each(allowed)('%s ✓ %s (%s)', async (file, spec) => {
      expect(await restrictions(file, importOf(spec))).toEqual([]);
    });
  });
}

const D = 'edge-server/src/domains';
const U = 'edge-server/src/usecases';
const P = 'edge-server/src/platform';
const S = 'edge-server/src/shared';

both('1. a domain reaches another domain only through its index.ts', [
  [`${D}/cards/x.ts`, '../loyalty/service.js', "another domain's service"],
  [`${D}/cards/x.ts`, '../loyalty/repository.js', "another domain's repository"],
  [`${D}/analytics/x.ts`, '../purchases/import/receipts-csv.js', 'deeper inside another domain'],
  [`${D}/cards/x.ts`, '../loyalty', 'the folder itself'],
  [`${D}/cards/x.ts`, '../../domains/loyalty/service.js', 'the long way round through src/'],
  [`${D}/promotions/codes/x.ts`, '../../loyalty/earn.js', 'from a sub-folder of a domain'],
  [`${D}/promotions/codes/x.ts`, '../../../domains/gift-cards/service.js', 'from a sub-folder, through src/'],
  [`${D}/cards/x.test.ts`, '../loyalty/ledger.js', "tests too"],
], [
  [`${D}/cards/x.ts`, '../loyalty/index.js', "the other domain's index"],
  [`${D}/cards/x.ts`, '../../domains/loyalty/index.js', 'its index, the long way round'],
  [`${D}/promotions/codes/x.ts`, '../../customers/index.js', 'its index, from a sub-folder'],
  [`${D}/cards/x.ts`, './repository.js', 'own domain'],
  [`${D}/cards/x.ts`, '../cards/service.js', 'own domain, written the long way'],
  [`${D}/promotions/codes/x.ts`, '../repository.js', "own domain's root from a sub-folder"],
  [`${D}/promotions/codes/x.ts`, '../campaigns/repository.js', "own domain's other sub-folder"],
  [`${D}/cards/x.ts`, '../../platform/db/database.js', 'platform'],
  [`${D}/cards/x.ts`, '../../shared/ids.js', 'shared'],
  [`${D}/cards/x.ts`, '@vitrina/contracts', 'contracts'],
], /domain is reached only through its public index\.ts/);

describe('1. type-only imports and re-exports count too', () => {
  it('import type from another domain\'s file', async () => {
    expect(await restrictions(`${D}/cards/x.ts`, "import type { X } from '../loyalty/service.js';\nexport type Y = X;\n")).toHaveLength(1);
  });
  it('export * from another domain\'s file', async () => {
    expect(await restrictions(`${D}/cards/x.ts`, "export * from '../loyalty/service.js';\n")).toHaveLength(1);
  });
  it('export { } from another domain\'s index is fine', async () => {
    expect(await restrictions(`${D}/cards/x.ts`, "export { LoyaltyService } from '../loyalty/index.js';\n")).toEqual([]);
  });
});

both('1b. outside the domains, a domain is reached only through its index.ts', [
  [`${U}/checkout/x.ts`, '../../domains/cards/card-number.js', 'a use case'],
  [`${U}/checkout/x.test.ts`, '../../domains/cards/repository.js', "a use case's test"],
  ['edge-server/src/app.ts', './domains/loyalty/routes.js', 'app.ts'],
  ['edge-server/src/compose.ts', './domains/cards/repository.js', 'compose.ts'],
  ['edge-server/src/cli/x.ts', '../domains/purchases/import/receipts-csv.js', 'cli'],
  ['edge-server/src/test-support/x.ts', '../domains/cards/repository.js', 'test-support'],
  ['edge-server/bench/x.ts', '../src/domains/recommend/service.js', 'bench'],
  ['edge-server/e2e/x.spec.ts', '../src/domains/cards/card-number.js', 'e2e'],
], [
  [`${U}/checkout/x.ts`, '../../domains/cards/index.js', 'a use case'],
  ['edge-server/src/app.ts', './domains/loyalty/index.js', 'app.ts'],
  ['edge-server/src/cli/x.ts', '../domains/purchases/index.js', 'cli'],
  ['edge-server/bench/x.ts', '../src/domains/recommend/index.js', 'bench'],
], /domain is reached only through its public index\.ts/);

both('2. use cases are imported only from the top (and by another use case through its index)', [
  [`${D}/cards/x.ts`, '../../usecases/checkout/index.js', 'a domain'],
  [`${D}/promotions/codes/x.ts`, '../../../usecases/scan/scan-service.js', 'a domain, from a sub-folder'],
  [`${P}/http/x.ts`, '../../usecases/health/index.js', 'platform'],
  [`${P}/http/x.test.ts`, '../../usecases/health/index.js', 'a platform test (rule 3 wins)'],
  [`${S}/x.ts`, '../usecases/checkout/index.js', 'shared'],
  [`${U}/demo-store/x.ts`, '../checkout/sale.js', "another use case's internals"],
  [`${U}/demo-store/x.ts`, '../../usecases/checkout/receipts-service.js', "another use case's internals, the long way"],
], [
  ['edge-server/src/compose.ts', './usecases/checkout/index.js', 'compose.ts'],
  ['edge-server/src/app.ts', './usecases/scan/index.js', 'app.ts'],
  ['edge-server/src/server.ts', './usecases/demo-store/seed.js', 'server.ts'],
  ['edge-server/src/cli/x.ts', '../usecases/demo-store/cards.js', 'cli'],
  ['edge-server/src/test-support/x.ts', '../usecases/checkout/index.js', 'test-support'],
  ['edge-server/bench/x.ts', '../src/usecases/demo-store/seed.js', 'bench'],
  ['edge-server/e2e/x.spec.ts', '../src/usecases/demo-store/cards.js', 'e2e'],
  [`${D}/loyalty/x.test.ts`, '../../usecases/checkout/test-fixtures.js', "a domain's test"],
  [`${U}/checkout/x.ts`, './sale.js', 'the same use case'],
  [`${U}/demo-store/x.ts`, '../checkout/index.js', "another use case's index"],
  [`${U}/scan/x.test.ts`, '../checkout/sale.js', "a use case's test"],
]);

both('3. platform imports no domain and no use case; shared imports neither, nor platform', [
  [`${P}/db/x.ts`, '../../domains/cards/index.js', "platform, a domain's index"],
  [`${P}/events/x.ts`, '../../domains/loyalty/service.js', "platform, a domain's file"],
  [`${P}/scanner/decoders/x.ts`, '../../../domains/cards/index.js', 'platform, from a sub-sub-folder'],
  [`${P}/http/x.test.ts`, '../../domains/cards/index.js', 'a platform test'],
  [`${P}/http/x.ts`, '../../compose.js', 'platform, the composition root'],
  [`${P}/http/x.ts`, '../../test-support/build.js', 'platform, test-support'],
  [`${S}/x.ts`, '../domains/cards/index.js', 'shared, a domain'],
  [`${S}/money/x.ts`, '../../domains/loyalty/index.js', 'shared, from a sub-folder'],
  [`${S}/x.ts`, '../platform/events/bus.js', 'shared, platform'],
  [`${S}/money/x.ts`, '../../platform/db/database.js', 'shared, platform from a sub-folder'],
  [`${S}/x.ts`, '../app.js', 'shared, app.ts'],
], [
  [`${P}/http/x.ts`, '../db/database.js', 'platform, itself'],
  [`${P}/http/x.ts`, '../../shared/ids.js', 'platform, shared'],
  [`${P}/http/x.test.ts`, '../../test-support/build.js', 'a platform test, test-support'],
  [`${S}/x.ts`, './calendar.js', 'shared, itself'],
  [`${S}/money/x.ts`, '../ids.js', 'shared, itself from a sub-folder'],
  [`${S}/x.ts`, '@vitrina/contracts', 'shared, contracts'],
]);

both('4. domains import no use case, no compose.ts/app.ts (nor server, cli, test-support)', [
  [`${D}/cards/x.ts`, '../../compose.js', 'compose.ts'],
  [`${D}/cards/x.ts`, '../../app.js', 'app.ts'],
  [`${D}/cards/x.ts`, '../../server.js', 'server.ts'],
  [`${D}/cards/x.ts`, '../../cli/import.js', 'cli'],
  [`${D}/cards/x.ts`, '../../test-support/build.js', 'test-support'],
  [`${D}/promotions/codes/x.ts`, '../../../compose.js', 'compose.ts, from a sub-folder'],
  [`${D}/cards/x.ts`, '../../usecases/scan/index.js', 'a use case'],
  [`${U}/checkout/x.ts`, '../../compose.js', 'a use case, compose.ts'],
  ['edge-server/src/server.ts', './test-support/build.js', 'server.ts, test-support'],
], [
  [`${D}/cards/x.test.ts`, '../../compose.js', "a domain's test, compose.ts"],
  [`${D}/cards/x.test.ts`, '../../test-support/build.js', "a domain's test, test-support"],
  [`${D}/promotions/campaigns/x.ts`, '../app.js', 'a file named app.js inside the own domain'],
  ['edge-server/src/app.ts', './compose.js', 'app.ts, compose.ts'],
  ['edge-server/src/cli/x.ts', '../compose.js', 'cli, compose.ts'],
]);

both('6. apps import only @vitrina/contracts from the server side', [
  ['kiosk/src/x.ts', '@vitrina/edge-server', 'kiosk, the server package'],
  ['kiosk/src/x.ts', '../../edge-server/src/app.js', 'kiosk, server source'],
  ['signage/src/x.ts', '@vitrina/models/features', 'signage, models'],
  ['edge-server/console/src/x.tsx', '../../src/app.js', 'console, server source'],
], [
  ['kiosk/src/x.ts', '@vitrina/contracts', 'kiosk'],
  ['edge-server/console/src/x.tsx', '@vitrina/contracts/client', 'console'],
], /Apps import only @vitrina\/contracts/);

both('6. contracts stay browser-safe', [
  ['edge-server/contracts/src/x.ts', 'node:fs', 'a Node module'],
  ['edge-server/contracts/src/x.ts', 'preact', 'browser-only code in the main entry'],
  ['edge-server/contracts/src/x.ts', '../client/index.js', 'the client from the main entry'],
  ['edge-server/contracts/client/src/x.ts', 'node:path', 'a Node module in the client'],
], [
  ['edge-server/contracts/src/x.ts', './common.js', 'itself'],
  ['edge-server/contracts/client/src/x.ts', 'preact/hooks', 'preact in the client'],
]);

describe('coverage', () => {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

  it('every edge-server source, bench and e2e file gets a boundary rule (a new folder or deeper nesting needs eslint.config.js)', async () => {
    const uncovered: string[] = [];
    for (const path of ['src', 'bench', 'e2e'].flatMap((d) => files(join(ROOT, 'edge-server', d)))) {
      const config = await eslint.calculateConfigForFile(path);
      const rule = config?.rules?.['no-restricted-imports'];
      if (!Array.isArray(rule) || rule[0] !== 2) uncovered.push(relative(ROOT, path).split(sep).join('/'));
    }
    expect(uncovered).toEqual([]);
  });

  it('every domain has its one public index.ts', () => {
    const domains = readdirSync(join(SRC, 'domains')).filter((d) => statSync(join(SRC, 'domains', d)).isDirectory());
    expect(domains.length).toBeGreaterThan(0);
    expect(domains.filter((d) => !files(join(SRC, 'domains', d)).includes(join(SRC, 'domains', d, 'index.ts')))).toEqual([]);
  });

  it('domains depend on each other without a cycle (the import graph is the call graph, and it is a DAG)', () => {
    const domains = readdirSync(join(SRC, 'domains')).filter((d) => statSync(join(SRC, 'domains', d)).isDirectory());
    const uses = new Map(domains.map((d) => {
      const source = files(join(SRC, 'domains', d)).filter((f) => !f.endsWith('.test.ts')).map((f) => readFileSync(f, 'utf8')).join('\n');
      const deps = [...source.matchAll(/from '(?:\.\.\/)+(?:domains\/)?([a-z-]+)\/index\.js'/g)].map((m) => m[1]!).filter((x) => x !== d && domains.includes(x));
      return [d, new Set(deps)] as const;
    }));
    // Depth-first search; a grey node met again is a cycle.
    const state = new Map<string, 'grey' | 'black'>();
    const cycles: string[] = [];
    const visit = (d: string, path: string[]) => {
      if (state.get(d) === 'black') return;
      if (state.get(d) === 'grey') { cycles.push([...path.slice(path.indexOf(d)), d].join(' → ')); return; }
      state.set(d, 'grey');
      for (const next of uses.get(d) ?? []) visit(next, [...path, d]);
      state.set(d, 'black');
    };
    for (const d of domains) visit(d, []);
    expect([...uses.values()].some((deps) => deps.size > 0)).toBe(true);
    expect(cycles).toEqual([]);
  });
});
