import { Value } from 'typebox/value';
import { isKnownCurrency } from '@vitrina/contracts';
import { ConfigSchema, type Config } from './schema.js';

/**
 * How each key's string from the environment is read, taken from the schema itself (JSON Schema
 * `type`), so a new boolean or number setting can never be missed: a hand-kept list once left
 * TRAINING_ON_FIRST_START=false and TRAINING_HOUR=4 refused as "must be boolean/integer".
 */
function kindOf(key: string): unknown {
  return (ConfigSchema.properties as Record<string, { type?: unknown }>)[key]?.type;
}

function fromEnv(key: string, value: string): unknown {
  switch (kindOf(key)) {
    case 'boolean':
      return value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
    case 'integer':
      return /^-?\d+$/.test(value) ? Number(value) : value;
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    default:
      return value;
  }
}

export class ConfigError extends Error {}

/**
 * Builds the config from environment variables (strings) plus overrides (tests), applies
 * defaults and validates. Throws ConfigError listing every bad key — never the values,
 * since some are secrets.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    raw[key] = fromEnv(key, value);
  }
  Object.assign(raw, overrides);
  const withDefaults = Value.Default(ConfigSchema, raw);
  const errors = [...Value.Errors(ConfigSchema, withDefaults)];
  const lines = errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
  // The schema checks the shape of a currency code; Intl knows which codes exist.
  const currency = (withDefaults as Partial<Config>).STORE_CURRENCY;
  if (typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) && !isKnownCurrency(currency)) lines.push('/STORE_CURRENCY must be an ISO 4217 currency code');
  if (lines.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return withDefaults as Config;
}
