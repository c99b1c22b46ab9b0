import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueProblems, keysUsedIn } from '@vitrina/contracts';
import { PROBLEM_MESSAGE_KEYS } from '../lib/error-messages';
import en from './en.json';
import ru from './ru.json';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const sources = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
  .map((f) => readFileSync(join(SRC, f), 'utf8'));

describe('the kiosk catalogues', () => {
  it('have every key the kiosk source uses, in English and in Russian, and the same keys', () => {
    const used = new Set([...sources.flatMap(keysUsedIn), ...PROBLEM_MESSAGE_KEYS]);
    expect(used.size).toBeGreaterThan(60);
    expect(catalogueProblems(used, { en, ru })).toEqual([]);
  });
});
