import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load.js';
import { ConfigSchema } from './schema.js';

describe('loadConfig reads environment strings by the type the schema gives each key', () => {
  it('reads every boolean, integer and number setting from its string', () => {
    const config = loadConfig({
      TRAINING_ON_FIRST_START: 'false', DEMO_SEED: '0', SCANNER_SIMULATOR: 'true',
      TRAINING_HOUR: '-1', TRAINING_EPOCHS: '2', TRAINING_MEMORY_MB: '512', TRAINING_MIN_CUSTOMERS: '10', PORT: '0', SCAN_RATE_PER_KIOSK: '2.5',
    });
    expect(config).toMatchObject({
      TRAINING_ON_FIRST_START: false, DEMO_SEED: false, SCANNER_SIMULATOR: true,
      TRAINING_HOUR: -1, TRAINING_EPOCHS: 2, TRAINING_MEMORY_MB: 512, TRAINING_MIN_CUSTOMERS: 10, PORT: 0, SCAN_RATE_PER_KIOSK: 2.5,
    });
    expect(loadConfig({}).TRAINING_ON_FIRST_START).toBe(true);
  });

  it('accepts "true" for every boolean key and a whole number for every integer key of the schema', () => {
    const props = ConfigSchema.properties as Record<string, { type?: string; default?: unknown }>;
    const env: Record<string, string> = {};
    for (const [key, s] of Object.entries(props)) {
      if (s.type === 'boolean') env[key] = 'true';
      else if ((s.type === 'integer' || s.type === 'number') && s.default !== undefined) env[key] = String(s.default);
    }
    expect(Object.keys(env).length).toBeGreaterThan(10);
    const config = loadConfig(env) as unknown as Record<string, unknown>;
    for (const key of Object.keys(env)) expect(typeof config[key], key).toBe(props[key]!.type === 'boolean' ? 'boolean' : 'number');
  });

  it('refuses a value that is not of the key type, naming the key and not the value', () => {
    expect(() => loadConfig({ TRAINING_ON_FIRST_START: 'maybe' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRAINING_HOUR: '4.5' })).toThrow(/TRAINING_HOUR/);
    expect(() => loadConfig({ TRAINING_HOUR: 'secret-ish' })).not.toThrow(/secret-ish/);
  });
});
