import type { PlaylistItem } from '@vitrina/contracts';

/**
 * Pure edits of a playlist draft. The editor keeps a draft array and publishes it whole
 * (PUT replaces the zone's playlist), so each edit returns a new array.
 */
export const DURATION_MIN_S = 1;
export const DURATION_MAX_S = 600;
export const MAX_ITEMS = 100;

export type ItemKind = PlaylistItem['kind'];

let counter = 0;
/** Unique within a draft: time + a counter, never reused after a removal. */
export function newItemId(now: number = Date.now()): string {
  counter = (counter + 1) % 1_000_000;
  return `item-${now.toString(36)}-${counter.toString(36)}`;
}

export function newItem(kind: ItemKind, id: string = newItemId()): PlaylistItem {
  return { id, kind, src: kind === 'message' ? null : '', title: '', body: '', durationMs: 8000 };
}

export function addItem(items: readonly PlaylistItem[], item: PlaylistItem): PlaylistItem[] {
  return [...items, item];
}

export function removeItem(items: readonly PlaylistItem[], index: number): PlaylistItem[] {
  return items.filter((_, i) => i !== index);
}

/** Moves an item by `delta` places; out-of-range moves leave the list as it was. */
export function moveItem(items: readonly PlaylistItem[], index: number, delta: number): PlaylistItem[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(index, 1);
  next.splice(to, 0, moved!);
  return next;
}

export function updateItem(items: readonly PlaylistItem[], index: number, patch: Partial<PlaylistItem>): PlaylistItem[] {
  return items.map((it, i) => {
    if (i !== index) return it;
    const merged = { ...it, ...patch };
    // A message slide has no media; switching back to media starts with an empty URL.
    if (merged.kind === 'message') merged.src = null;
    else if (merged.src === null) merged.src = '';
    return merged;
  });
}

/** Seconds typed by staff → milliseconds for the contract (rounded to whole seconds). */
export function secondsToMs(seconds: number): number {
  return Math.round(seconds) * 1000;
}

import { consoleI18n } from './i18n';

export interface DraftProblem {
  index: number | null;
  field: 'title' | 'src' | 'durationMs' | 'items';
  message: string;
}

/** What would make the server refuse the draft, or make a slide show nothing, in staff words. */
export function validateDraft(items: readonly PlaylistItem[]): DraftProblem[] {
  const { t } = consoleI18n.current();
  const problems: DraftProblem[] = [];
  if (items.length === 0) problems.push({ index: null, field: 'items', message: t('playlists.problems.empty') });
  if (items.length > MAX_ITEMS) problems.push({ index: null, field: 'items', message: t('playlists.problems.tooMany', { max: MAX_ITEMS }) });
  items.forEach((it, index) => {
    const n = index + 1;
    if (!Number.isInteger(it.durationMs) || it.durationMs < DURATION_MIN_S * 1000 || it.durationMs > DURATION_MAX_S * 1000) {
      problems.push({ index, field: 'durationMs', message: t('playlists.problems.duration', { n, min: DURATION_MIN_S, max: DURATION_MAX_S }) });
    }
    if (it.kind === 'message' && !it.title.trim() && !it.body.trim()) {
      problems.push({ index, field: 'title', message: t('playlists.problems.messageText', { n }) });
    }
    if (it.kind !== 'message' && !(it.src ?? '').trim()) {
      problems.push({ index, field: 'src', message: it.kind === 'image' ? t('playlists.problems.imageUrl', { n }) : t('playlists.problems.videoUrl', { n }) });
    }
    if (it.kind !== 'message' && (it.src ?? '').trim() && !/^(\/|https?:\/\/)/.test((it.src ?? '').trim())) {
      problems.push({ index, field: 'src', message: t('playlists.problems.urlScheme', { n }) });
    }
  });
  return problems;
}

/** Total loop length, for "the loop lasts 1 min 12 s". */
export function loopDurationMs(items: readonly PlaylistItem[]): number {
  return items.reduce((sum, it) => sum + it.durationMs, 0);
}

/** Trims text fields before publishing, so "  Sale " is stored as "Sale". */
export function cleanDraft(items: readonly PlaylistItem[]): PlaylistItem[] {
  return items.map((it) => ({ ...it, title: it.title.trim(), body: it.body.trim(), src: it.kind === 'message' ? null : (it.src ?? '').trim() }));
}

export function sameItems(a: readonly PlaylistItem[], b: readonly PlaylistItem[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
