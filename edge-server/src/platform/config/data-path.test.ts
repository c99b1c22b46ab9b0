import { isAbsolute, join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { dataPath } from './data-path.js';

describe('dataPath', () => {
  it('makes the default relative data dir absolute, from the working directory', () => {
    expect(dataPath('./data', 'media')).toBe(join(process.cwd(), 'data', 'media'));
    expect(isAbsolute(dataPath('data', 'fleet', 'screenshots'))).toBe(true);
  });
  it('keeps an absolute data dir, and sends a :memory: store to the temp dir', () => {
    expect(dataPath('/var/lib/vitrina', 'imports')).toBe('/var/lib/vitrina/imports');
    expect(dataPath(':memory:', 'media')).toBe(join(tmpdir(), 'vitrina-memory-store', 'media'));
  });
});
