import { describe, expect, it } from 'vitest';
import type { PlaylistItem } from '@vitrina/contracts';
import { addItem, cleanDraft, loopDurationMs, moveItem, newItem, removeItem, sameItems, secondsToMs, updateItem, validateDraft } from './playlist-edit';

const msg = (id: string, title = 'Hi'): PlaylistItem => ({ id, kind: 'message', src: null, title, body: '', durationMs: 8000 });

describe('playlist draft edits', () => {
  it('adds, removes and reorders without touching the input', () => {
    const a = [msg('a'), msg('b'), msg('c')];
    expect(moveItem(a, 0, 1).map((i) => i.id)).toEqual(['b', 'a', 'c']);
    expect(moveItem(a, 2, -2).map((i) => i.id)).toEqual(['c', 'a', 'b']);
    expect(moveItem(a, 0, -1).map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(removeItem(a, 1).map((i) => i.id)).toEqual(['a', 'c']);
    expect(addItem(a, msg('d')).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(a.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
  it('gives new slides unique ids and media slides an empty URL', () => {
    const x = newItem('image');
    const y = newItem('image');
    expect(x.id).not.toBe(y.id);
    expect(x.src).toBe('');
    expect(newItem('message').src).toBeNull();
  });
  it('clears the URL when a slide becomes a message, and restores a string when it becomes media', () => {
    const items = [{ ...newItem('image'), src: '/media/a.jpg' }];
    const asMessage = updateItem(items, 0, { kind: 'message' });
    expect(asMessage[0]!.src).toBeNull();
    expect(updateItem(asMessage, 0, { kind: 'video' })[0]!.src).toBe('');
  });
  it('finds what the server would refuse or what would show nothing', () => {
    expect(validateDraft([]).map((p) => p.field)).toEqual(['items']);
    const bad: PlaylistItem[] = [
      { ...msg('a', ''), body: ' ' },
      { ...newItem('image', 'b'), title: 'x' },
      { ...newItem('image', 'c'), src: 'javascript:alert(1)' },
      { ...msg('d'), durationMs: 500 },
      { ...msg('e'), durationMs: 601_000 },
    ];
    expect(validateDraft(bad).map((p) => [p.index, p.field])).toEqual([
      [0, 'title'],
      [1, 'src'],
      [2, 'src'],
      [3, 'durationMs'],
      [4, 'durationMs'],
    ]);
    expect(validateDraft([msg('ok'), { ...newItem('image', 'img'), src: '/media/x.png' }])).toEqual([]);
    expect(validateDraft(Array.from({ length: 101 }, (_, i) => msg(`m${i}`))).map((p) => p.field)).toEqual(['items']);
  });
  it('converts seconds to whole milliseconds and sums the loop', () => {
    expect(secondsToMs(7.6)).toBe(8000);
    expect(loopDurationMs([msg('a'), { ...msg('b'), durationMs: 12_000 }])).toBe(20_000);
  });
  it('trims text before publishing and compares drafts', () => {
    const cleaned = cleanDraft([{ ...msg('a', '  Sale '), body: ' now ' }, { ...newItem('image', 'b'), src: ' /media/x.png ' }]);
    expect(cleaned[0]).toMatchObject({ title: 'Sale', body: 'now', src: null });
    expect(cleaned[1]!.src).toBe('/media/x.png');
    expect(sameItems([msg('a')], [msg('a')])).toBe(true);
    expect(sameItems([msg('a')], [msg('a', 'changed')])).toBe(false);
  });
});
