import { describe, expect, it } from 'vitest';
import { PLAYLIST_STORAGE_KEY, loadPlaylist, savePlaylist } from './playlist-store';

function memoryStore() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('playlist store', () => {
  it('round-trips the last playlist', () => {
    const store = memoryStore();
    const p = { zoneId: 'z1', version: '7', items: [{ id: 'a', kind: 'message' as const, src: null, title: 'Hi', body: '', durationMs: 5000 }] };
    savePlaylist(store, p);
    expect(loadPlaylist(store)).toEqual(p);
  });

  it('treats unreadable or foreign stored data as no playlist', () => {
    const store = memoryStore();
    expect(loadPlaylist(store)).toBeNull();
    store.data.set(PLAYLIST_STORAGE_KEY, '{not json');
    expect(loadPlaylist(store)).toBeNull();
    store.data.set(PLAYLIST_STORAGE_KEY, JSON.stringify({ items: 'nope' }));
    expect(loadPlaylist(store)).toBeNull();
  });

  it('a full storage does not throw', () => {
    const store = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => savePlaylist(store, { zoneId: 'z', version: 'v', items: [] })).not.toThrow();
  });
});
