import { describe, expect, it } from 'vitest';
import type { Playlist, PlaylistItem } from '@vitrina/contracts';
import { itemDuration, loopItems, nextIndex, nextPlayableIndex, parsePlaylist, resumeIndex } from './playlist';
import { createAppI18n } from '@vitrina/contracts';
import { defaultLoop } from '../default-loop';
import en from '../i18n/en.json';
import ru from '../i18n/ru.json';

const DEFAULT_LOOP = defaultLoop(createAppI18n({ en, ru }).current().t);

const item = (id: string, over: Partial<PlaylistItem> = {}): PlaylistItem => ({
  id,
  kind: 'message',
  src: null,
  title: `Title ${id}`,
  body: '',
  durationMs: 5000,
  ...over,
});
const playlist = (items: PlaylistItem[]): Playlist => ({ zoneId: 'z1', version: 'v1', items });

describe('loop logic', () => {
  it('loops back to the first item after the last', () => {
    expect([0, 1, 2].map((i) => nextIndex(i, 3))).toEqual([1, 2, 0]);
    expect(nextIndex(0, 0)).toBe(0);
  });

  it('plays the bundled default loop when there is no playlist or nothing playable in it', () => {
    expect(loopItems(null, DEFAULT_LOOP)).toBe(DEFAULT_LOOP);
    expect(loopItems(playlist([]), DEFAULT_LOOP)).toBe(DEFAULT_LOOP);
    const broken = playlist([item('a', { kind: 'image', src: null }), item('b', { title: ' ', body: '' })]);
    expect(loopItems(broken, DEFAULT_LOOP)).toBe(DEFAULT_LOOP);
    expect(DEFAULT_LOOP.length).toBeGreaterThan(1);
  });

  it('skips unplayable items but keeps the rest in order', () => {
    const p = playlist([item('a'), item('b', { kind: 'video', src: '' }), item('c', { kind: 'image', src: '/media/c.jpg' })]);
    expect(loopItems(p, DEFAULT_LOOP).map((i) => i.id)).toEqual(['a', 'c']);
  });

  it('keeps showing the current item when a new playlist still has it, else starts over', () => {
    const items = [item('x'), item('a'), item('y')];
    expect(resumeIndex('a', items)).toBe(1);
    expect(resumeIndex('gone', items)).toBe(0);
    expect(resumeIndex(null, items)).toBe(0);
  });

  it('clamps item durations to the contract bounds', () => {
    expect(itemDuration(item('a', { durationMs: 10 }))).toBe(1000);
    expect(itemDuration(item('a', { durationMs: 9_999_999 }))).toBe(600_000);
    expect(itemDuration(item('a', { durationMs: 7000 }))).toBe(7000);
  });
});

describe('parsePlaylist', () => {
  it('accepts a well-formed playlist', () => {
    const p = playlist([item('a'), item('b', { kind: 'image', src: '/media/b.png' })]);
    expect(parsePlaylist(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it('rejects corrupted or foreign data', () => {
    expect(parsePlaylist(null)).toBeNull();
    expect(parsePlaylist('hello')).toBeNull();
    expect(parsePlaylist({ zoneId: 'z', version: 'v' })).toBeNull();
    expect(parsePlaylist({ zoneId: 'z', version: 'v', items: [{ id: 1 }] })).toBeNull();
    expect(parsePlaylist(playlist([item('a', { kind: 'audio' as never })]))).toBeNull();
    expect(parsePlaylist(playlist([item('a', { durationMs: Number.NaN })]))).toBeNull();
  });
});

describe('nextPlayableIndex', () => {
  const items = [item('a', { kind: 'image', src: '/media/a' }), item('b', { kind: 'video', src: '/media/b' }), item('c')];
  it('skips items whose media are not cached yet and wraps around', () => {
    const cached = new Set(['/media/a']);
    const canPlay = (i: PlaylistItem) => i.src === null || cached.has(i.src);
    expect(nextPlayableIndex(0, items, canPlay)).toBe(2);
    expect(nextPlayableIndex(2, items, canPlay)).toBe(0);
    cached.add('/media/b');
    expect(nextPlayableIndex(0, items, canPlay)).toBe(1);
  });
  it('keeps the current item when it is the only one ready, and says -1 when none is', () => {
    const onlyA = (i: PlaylistItem) => i.id === 'a';
    expect(nextPlayableIndex(0, items, onlyA)).toBe(0);
    expect(nextPlayableIndex(-1, items, onlyA)).toBe(0);
    expect(nextPlayableIndex(1, items, () => false)).toBe(-1);
  });
});
