/**
 * Pairing-token handling. The edge server hands a device its token once, as `?token=...`
 * on the first URL it opens; the page keeps it in localStorage and removes it from the
 * address bar so it does not linger in history, screenshots or bookmarks.
 */
export const TOKEN_STORAGE_KEY = 'vitrina.deviceToken';
/**
 * Same bounds as DeviceAuth (../../src/devices.ts); written out rather than read from the
 * schema so the apps do not bundle TypeBox for two numbers. A test keeps them equal.
 */
export const TOKEN_MIN_LENGTH = 8;
export const TOKEN_MAX_LENGTH = 256;

/** The subset of Storage we use, so tests can pass a Map-backed store. */
export type TokenStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function normalizeToken(raw: string | null | undefined): string | null {
  const token = (raw ?? '').trim();
  if (token.length < TOKEN_MIN_LENGTH || token.length > TOKEN_MAX_LENGTH) return null;
  if (/\s/.test(token)) return null;
  return token;
}

export interface TokenFromUrl {
  /** The token to use: from the URL when present and well-formed, else the stored one. */
  token: string | null;
  /** The URL to put in the address bar, without `token`; null when nothing must change. */
  cleanedUrl: string | null;
}

/** Reads `?token=` from `href`, stores it, and says how the address bar should look. */
export function takeTokenFromUrl(href: string, store: TokenStore): TokenFromUrl {
  const url = new URL(href);
  const fromUrl = url.searchParams.has('token') ? normalizeToken(url.searchParams.get('token')) : null;
  let cleanedUrl: string | null = null;
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token');
    cleanedUrl = url.pathname + url.search + url.hash;
  }
  if (fromUrl) store.setItem(TOKEN_STORAGE_KEY, fromUrl);
  const token = fromUrl ?? normalizeToken(store.getItem(TOKEN_STORAGE_KEY));
  return { token, cleanedUrl };
}

/** Saves a token pasted by staff; returns null (and stores nothing) when it is malformed. */
export function saveToken(raw: string, store: TokenStore): string | null {
  const token = normalizeToken(raw);
  if (token) store.setItem(TOKEN_STORAGE_KEY, token);
  return token;
}

export function forgetToken(store: TokenStore): void {
  store.removeItem(TOKEN_STORAGE_KEY);
}

/** Browser wiring: run once at start-up. */
export function loadDeviceToken(): string | null {
  const { token, cleanedUrl } = takeTokenFromUrl(window.location.href, window.localStorage);
  if (cleanedUrl !== null) window.history.replaceState(window.history.state, '', cleanedUrl);
  return token;
}
