import type { PublishTarget } from '@vitrina/contracts';

/** What the picker edits: the scope and, kept while the user switches scope, the region and the stores chosen. */
export interface TargetDraft {
  scope: PublishTarget['scope'];
  region: string;
  storeIds: string[];
}

/** The part of a registered store the picker needs (ChainStore has more). */
export interface TargetStore {
  id: string;
  name: string;
  region: string;
}

export const ALL_STORES: TargetDraft = { scope: 'all', region: '', storeIds: [] };

/** The chain's regions, each once, sorted (a store registered without a region names none). */
export function regionsOf(stores: readonly TargetStore[]): string[] {
  return [...new Set(stores.map((s) => s.region).filter(Boolean))].sort();
}

/** The target to publish to, or null while the draft is incomplete (no region picked, no store ticked). */
export function draftToTarget(d: TargetDraft): PublishTarget | null {
  if (d.scope === 'all') return { scope: 'all' };
  if (d.scope === 'region') return d.region ? { scope: 'region', region: d.region } : null;
  return d.storeIds.length > 0 ? { scope: 'stores', storeIds: [...d.storeIds] } : null;
}

/** A draft showing a target already published (editing a publication starts from where it went). */
export function targetToDraft(t: PublishTarget): TargetDraft {
  if (t.scope === 'all') return ALL_STORES;
  if (t.scope === 'region') return { scope: 'region', region: t.region, storeIds: [] };
  return { scope: 'stores', region: '', storeIds: [...t.storeIds] };
}

/** The registered stores a draft reaches today (what the user is about to publish to). */
export function storesReached(d: TargetDraft, stores: readonly TargetStore[]): TargetStore[] {
  if (d.scope === 'all') return [...stores];
  if (d.scope === 'region') return stores.filter((s) => d.region !== '' && s.region === d.region);
  const chosen = new Set(d.storeIds);
  return stores.filter((s) => chosen.has(s.id));
}

/** Ticks or unticks one store, keeping the list's order as ticked. */
export function toggleStore(d: TargetDraft, storeId: string, on: boolean): TargetDraft {
  const rest = d.storeIds.filter((id) => id !== storeId);
  return { ...d, storeIds: on ? [...rest, storeId] : rest };
}

/** "All stores" / "Region north" / "Stores s1, s2": a published target in the user's language. */
export function targetLabel(t: PublishTarget, translate: (key: string, opts?: Record<string, unknown>) => string): string {
  if (t.scope === 'all') return translate('storeTarget.label.all');
  if (t.scope === 'region') return translate('storeTarget.label.region', { region: t.region });
  return translate('storeTarget.label.stores', { stores: t.storeIds.join(', ') });
}
