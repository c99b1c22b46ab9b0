import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueProblems, keysUsedIn } from '@vitrina/contracts';
import { HEAD_OFFICE_ROUTES, NOT_FOUND, ROUTES } from '../routes';
import en from './en.json';
import ru from './ru.json';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const sources = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
  .map((f) => readFileSync(join(SRC, f), 'utf8'));

describe('the console catalogues', () => {
  it('have every key the console source uses, and every route title, in English and in Russian, and the same keys', () => {
    const used = new Set([...sources.flatMap(keysUsedIn), ...[...ROUTES, ...HEAD_OFFICE_ROUTES, NOT_FOUND].map((r) => `nav.${r.id}`)]);
    expect(used.size).toBeGreaterThan(100);
    expect(catalogueProblems(used, { en, ru })).toEqual([]);
  });

  it('keep the English route titles of routes.ts (the fallback) and the catalogue in step', () => {
    for (const r of [...ROUTES, ...HEAD_OFFICE_ROUTES, NOT_FOUND]) expect(en.nav[r.id as keyof typeof en.nav]).toBe(r.title);
  });
});
