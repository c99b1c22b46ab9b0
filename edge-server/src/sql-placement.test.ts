// SQL lives in repositories (`repository.ts`, `*-repository.ts`) and migrations only. This scans
// the string and template literals (not comments) of every other edge-server source file for SQL
// statements and fails listing file:line. Tests and test-support/ are exempt.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'edge-server', 'src');

/** Upper-case SQL, as every repository writes it; prose such as "Select a card from…" does not match. */
const STATEMENTS: Array<[name: string, pattern: RegExp]> = [
  ['SELECT … FROM', /\bSELECT\b[\s\S]*?\bFROM\b/],
  ['INSERT INTO', /\bINSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\b/],
  ['REPLACE INTO', /\bREPLACE\s+INTO\b/],
  ['UPDATE … SET', /\bUPDATE\s+(?:OR\s+[A-Z]+\s+)?["`[]?\w+["`\]]?\s+SET\b/],
  ['DELETE FROM', /\bDELETE\s+FROM\b/],
  ['CREATE/DROP/ALTER …', /\b(?:CREATE|DROP|ALTER)\s+(?:(?:UNIQUE|TEMP|TEMPORARY|VIRTUAL)\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)\b/],
  ['WITH … AS (', /\bWITH\s+(?:RECURSIVE\s+)?\w+(?:\s*\([^)]*\))?\s+AS\s*\(/],
];

/** Files allowed to hold SQL, by src-relative path. */
function sqlAllowed(srcRelative: string): boolean {
  const name = srcRelative.split('/').pop()!;
  return name === 'repository.ts' || name.endsWith('-repository.ts')
    || name.endsWith('.test.ts')
    || srcRelative.startsWith('test-support/')
    || srcRelative.startsWith('platform/db/migrations/')
    // The migration runner: creates and reads its own schema_migrations bookkeeping table.
    || srcRelative === 'platform/db/migrate.ts';
}

interface SqlFinding { line: number; statement: string; text: string }

/** SQL statements in the string and template literals of one TypeScript source. */
function findSql(source: string, fileName = 'x.ts'): SqlFinding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const findings: SqlFinding[] = [];
  const check = (node: ts.Node, text: string) => {
    for (const [statement, pattern] of STATEMENTS) {
      if (pattern.test(text)) {
        const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
        findings.push({ line, statement, text: text.replace(/\s+/g, ' ').trim().slice(0, 80) });
        return;
      }
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) check(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      // `SELECT ${cols} FROM t`: the literal parts joined, each substitution standing as `?`.
      check(node, node.head.text + node.templateSpans.map((s) => `?${s.literal.text}`).join(''));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

const sources = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
});

describe('SQL only in repositories and migrations', () => {
  it('no other edge-server source file holds an SQL statement', () => {
    const misplaced: string[] = [];
    for (const path of sources(SRC)) {
      const rel = relative(SRC, path).split(sep).join('/');
      if (sqlAllowed(rel)) continue;
      for (const f of findSql(readFileSync(path, 'utf8'), path)) {
        misplaced.push(`edge-server/src/${rel}:${f.line}  ${f.statement}  ${f.text}`);
      }
    }
    expect(misplaced, `SQL belongs in the domain's repository.ts / *-repository.ts (or a migration); found it in:\n${misplaced.join('\n')}\n`).toEqual([]);
  });
});

describe('the SQL scanner', () => {
  it.each([
    ["db.all('SELECT id, name FROM products WHERE id = ?')", 'SELECT … FROM'],
    ['db.get(`\n  SELECT COUNT(*) AS n\n  FROM receipts\n`)', 'SELECT … FROM'],
    ['db.all(`SELECT ${cols} FROM products`)', 'SELECT … FROM'],
    ["tx.run('INSERT INTO cards (hmac) VALUES (?)')", 'INSERT INTO'],
    ["tx.run('INSERT OR IGNORE INTO cards (hmac) VALUES (?)')", 'INSERT INTO'],
    ["tx.run('REPLACE INTO settings (k, v) VALUES (?, ?)')", 'REPLACE INTO'],
    ["tx.run('UPDATE customers SET first_name = ? WHERE id = ?')", 'UPDATE … SET'],
    ["tx.run('DELETE FROM sessions WHERE expires_at < ?')", 'DELETE FROM'],
    ["db.exec('CREATE TABLE t (id TEXT)')", 'CREATE/DROP/ALTER …'],
    ["db.exec('CREATE UNIQUE INDEX i ON t (id)')", 'CREATE/DROP/ALTER …'],
    ["db.exec('DROP TABLE t')", 'CREATE/DROP/ALTER …'],
    ["db.all('WITH recent AS (SELECT 1) SELECT 2')", 'WITH … AS ('],
    ['const q = sql`DELETE FROM t`;', 'DELETE FROM'],
  ])('finds %s', (code, statement) => {
    const found = findSql(`export async function f(db: any, tx: any, cols: string, sql: any) {\n  ${code};\n}\n`);
    expect(found.map((f) => f.statement)).toEqual([statement]);
    expect(found[0]!.line).toBe(2);
  });

  it.each([
    ['a comment', '// SELECT id FROM products — see repository.ts\nexport const x = 1;'],
    ['a block comment', '/* INSERT INTO cards … */\nexport const x = 1;'],
    ['prose', "export const hint = 'Select a card from the list, then update your settings.';"],
    ['an identifier', 'export const SELECT = 1, FROM = 2;'],
    ['an error message naming a table', "throw new Error('products table is empty');"],
    ['PRAGMA (connection setup)', "db.exec('PRAGMA foreign_keys = ON');"],
  ])('ignores %s', (_what, code) => {
    expect(findSql(code)).toEqual([]);
  });

  it.each([
    ['domains/cards/repository.ts', true],
    ['domains/analytics/kpis-repository.ts', true],
    ['domains/promotions/codes/repository.ts', true],
    ['platform/db/migrations/003_x.ts', true],
    ['platform/db/migrate.ts', true],
    ['domains/cards/service.test.ts', true],
    ['test-support/small-store.ts', true],
    ['domains/cards/service.ts', false],
    ['domains/cards/repository-helpers.ts', false],
    ['usecases/checkout/test-fixtures.ts', false],
    ['platform/db/database.ts', false],
  ])('%s may hold SQL: %s', (path, allowed) => {
    expect(sqlAllowed(path)).toBe(allowed);
  });
});
