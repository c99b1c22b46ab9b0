import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './load.js';
import { loadSecret } from './secret.js';

const mode = (path: string) => statSync(path).mode & 0o777;
const roots: string[] = [];
afterEach(() => { for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true }); });

describe('the install secret', () => {
  it('is generated into a 0700 DATA_DIR as a 0600 file, and read back', () => {
    const root = mkdtempSync(join(tmpdir(), 'vitrina-secret-'));
    roots.push(root);
    const config = loadConfig({}, { DATA_DIR: join(root, 'data') });
    const secret = loadSecret(config);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(mode(config.DATA_DIR)).toBe(0o700);
    expect(mode(join(config.DATA_DIR, 'secret'))).toBe(0o600);
    expect(loadSecret(config)).toBe(secret);
  });

  it('tightens an existing secret file readable by others to 0600', () => {
    const root = mkdtempSync(join(tmpdir(), 'vitrina-secret-'));
    roots.push(root);
    const file = join(root, 'secret');
    writeFileSync(file, `${'ab'.repeat(32)}\n`);
    chmodSync(file, 0o644);
    expect(loadSecret(loadConfig({}, { DATA_DIR: root }))).toBe('ab'.repeat(32));
    expect(mode(file)).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe('ab'.repeat(32));
  });
});

describe('HOST', () => {
  it('defaults to loopback; a store server sets 0.0.0.0 explicitly', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    const deployed = readFileSync(new URL('../../../../deploy/env/edge.env.example', import.meta.url), 'utf8');
    expect(deployed).toMatch(/^HOST=0\.0\.0\.0$/m);
  });
});
