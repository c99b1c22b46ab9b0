/**
 * Members import speed: MEMBERS generated members (default 100,000; two cards for one in five, a
 * phone for half, an e-mail for a third, an opening balance for most) written to a temp CSV and
 * imported by the real CLI (`npm run import -- members <file> --json`) into a fresh store, then
 * imported again (the re-run must import nothing). Prints one JSON line. Budget: 1,000 members/s
 * on the import alone (100,000 members in under 100 s; a million-member chain file in under 17 min).
 *
 *   npm run bench -- --only members [count]
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MembersImportReport } from '@vitrina/contracts';
import { makeEan13 } from '../src/domains/cards/index.js';
import { MEMBER_COLUMNS } from '../src/usecases/members-import/index.js';
import { emit } from './report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUDGET_MEMBERS_PER_S = 1_000;
const FIRST = ['Ana', 'Ben', 'Cleo', 'Dmitri', 'Елена', 'Farah', 'Georg', 'Hana', 'Иван', 'Jonas'];
const LAST = ['Smith', 'Okafor', 'Петрова', 'Nguyen', 'Müller', 'Rossi', 'Ivanov', 'Kowalski'];

export async function writeMembersCsv(file: string, count: number) {
  const out = createWriteStream(file);
  out.write(`${MEMBER_COLUMNS.join(',')}\n`);
  for (let i = 0; i < count; i++) {
    const cards = i % 5 === 0 ? `${makeEan13('2770', 2 * i)};${makeEan13('2770', 2 * i + 1)}` : makeEan13('2770', 2 * i);
    const phone = i % 2 === 0 ? `+7 9${String(i).padStart(9, '0')}` : '';
    const email = i % 3 === 0 ? `member${i}@example.com` : '';
    const birth = `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`;
    const row = [`EXT${i}`, FIRST[i % FIRST.length], LAST[i % LAST.length], birth, cards, phone, email, '1', i % 2 ? '1' : '0', i % 4 ? '1' : '0', '2024-03-01', 'terms-2024-01', String((i * 37) % 5000)];
    if (!out.write(`${row.join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function runCli(file: string, dataDir: string) {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'edge-server/src/cli/import.ts', 'members', file, '--json'], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, DATA_DIR: dataDir, STORE_ID: 'bench', NODE_ENV: 'production', LOG_LEVEL: 'silent', DEMO_SEED: 'false' },
  });
  if (r.status !== 0) throw new Error(`import exited ${r.status}: ${r.stderr}`);
  return { report: JSON.parse(r.stdout) as MembersImportReport, wallSeconds: (performance.now() - started) / 1000 };
}

const count = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'vitrina-members-bench-'));
try {
  const file = join(dir, 'members.csv');
  await writeMembersCsv(file, count);
  const first = runCli(file, join(dir, 'store'));
  const again = runCli(file, join(dir, 'store'));
  const membersPerS = Math.round(first.report.membersImported / first.report.seconds);
  const pass = first.report.membersImported === count && again.report.membersImported === 0 && again.report.openingPointsCredited === 0 && membersPerS >= BUDGET_MEMBERS_PER_S;
  emit({
    bench: 'members', members: first.report.membersImported, identifiers: first.report.identifiersImported, rejected: first.report.rowsRejected,
    file_mb: Math.round(statSync(file).size / 1e5) / 10, import_s: first.report.seconds, cli_wall_s: Math.round(first.wallSeconds * 10) / 10, members_per_s: membersPerS,
    rerun_imported: again.report.membersImported, rerun_skipped: again.report.membersSkippedExisting, rerun_s: again.report.seconds,
    budget_members_per_s: BUDGET_MEMBERS_PER_S, pass,
  });
  process.exitCode = pass ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
