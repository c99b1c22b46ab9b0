import { Value } from 'typebox/value';
import { isKnownCurrency } from '@vitrina/contracts';
import { ConfigSchema, type Config } from './schema.js';

const BOOLEAN_KEYS = new Set(['DEMO_SEED', 'KIOSK_SHOWS_RESTRICTED', 'SCANNER_SIMULATOR']);
const INTEGER_KEYS = new Set(['PORT', 'KIOSK_OFFER_COUNT', 'SIGNAGE_OFFER_COUNT', 'TAKEOVER_MS', 'BODY_LIMIT_BYTES']);
const NUMBER_KEYS = new Set(['SCAN_RATE_PER_KIOSK']);

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
    if (BOOLEAN_KEYS.has(key)) raw[key] = value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
    else if (INTEGER_KEYS.has(key)) raw[key] = /^-?\d+$/.test(value) ? Number(value) : value;
    else if (NUMBER_KEYS.has(key)) raw[key] = /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    else raw[key] = value;
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
