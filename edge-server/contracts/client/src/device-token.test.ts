import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { DeviceAuth } from '@vitrina/contracts';
import {
  TOKEN_MAX_LENGTH,
  TOKEN_MIN_LENGTH,
  TOKEN_STORAGE_KEY,
  forgetToken,
  normalizeToken,
  saveToken,
  takeTokenFromUrl,
  type TokenStore,
} from './device-token';

function memoryStore(initial: Record<string, string> = {}): TokenStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('takeTokenFromUrl', () => {
  it('stores the token from the URL and strips it from the address, keeping other params and hash', () => {
    const store = memoryStore();
    const r = takeTokenFromUrl('http://store.local/kiosk/?lang=en&token=abcdef123456#x', store);
    expect(r.token).toBe('abcdef123456');
    expect(r.cleanedUrl).toBe('/kiosk/?lang=en#x');
    expect(store.data.get(TOKEN_STORAGE_KEY)).toBe('abcdef123456');
  });

  it('falls back to the stored token and leaves the URL alone when there is none in it', () => {
    const store = memoryStore({ [TOKEN_STORAGE_KEY]: 'stored-token-1' });
    const r = takeTokenFromUrl('http://store.local/kiosk/', store);
    expect(r).toEqual({ token: 'stored-token-1', cleanedUrl: null });
  });

  it('a new token in the URL replaces the stored one', () => {
    const store = memoryStore({ [TOKEN_STORAGE_KEY]: 'old-token-1' });
    expect(takeTokenFromUrl('http://s/kiosk/?token=new-token-2', store).token).toBe('new-token-2');
    expect(store.data.get(TOKEN_STORAGE_KEY)).toBe('new-token-2');
  });

  it('a malformed URL token is removed from the address but does not overwrite the stored one', () => {
    const store = memoryStore({ [TOKEN_STORAGE_KEY]: 'stored-token-1' });
    const r = takeTokenFromUrl('http://s/kiosk/?token=short', store);
    expect(r).toEqual({ token: 'stored-token-1', cleanedUrl: '/kiosk/' });
    expect(store.data.get(TOKEN_STORAGE_KEY)).toBe('stored-token-1');
  });

  it('no token anywhere means not paired', () => {
    expect(takeTokenFromUrl('http://s/signage/', memoryStore()).token).toBeNull();
  });
});

describe('saveToken / normalizeToken', () => {
  it('trims pasted tokens and rejects too short, too long or spaced ones without storing', () => {
    const store = memoryStore();
    expect(saveToken('  pasted-token-9 \n', store)).toBe('pasted-token-9');
    expect(store.data.get(TOKEN_STORAGE_KEY)).toBe('pasted-token-9');
    forgetToken(store);
    expect(saveToken('1234567', store)).toBeNull();
    expect(saveToken('x'.repeat(257), store)).toBeNull();
    expect(saveToken('two words here', store)).toBeNull();
    expect(store.data.size).toBe(0);
    expect(normalizeToken(null)).toBeNull();
  });
});

describe('agreement with the DeviceAuth contract', () => {
  it('accepts exactly the token lengths the server checks the handshake against (DeviceAuth)', () => {
    for (const raw of ['x'.repeat(TOKEN_MIN_LENGTH), 'x'.repeat(TOKEN_MAX_LENGTH), '  pasted-token-9 ']) {
      const token = normalizeToken(raw);
      expect(token).not.toBeNull();
      expect(Value.Check(DeviceAuth, { token })).toBe(true);
    }
    for (const raw of ['x'.repeat(TOKEN_MIN_LENGTH - 1), 'x'.repeat(TOKEN_MAX_LENGTH + 1)]) {
      expect(normalizeToken(raw)).toBeNull();
      expect(Value.Check(DeviceAuth, { token: raw })).toBe(false);
    }
  });
});
