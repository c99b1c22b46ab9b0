import type { TierConfig } from '@vitrina/contracts';
import { parseMoneyInput } from './forms';

/** Tiers as staff edit them: threshold in dollars, multiplier in percent (100 = normal earn). */
export interface TierDraft {
  id: string;
  name: string;
  threshold: string;
  multiplierPct: string;
}

export function tierToDraft(t: TierConfig): TierDraft {
  return { id: t.id, name: t.name, threshold: (t.thresholdMinor / 100).toFixed(2), multiplierPct: String(t.multiplierPct) };
}

/** Drafts → the PUT body, sorted by threshold; or what to fix. */
export function draftsToTiers(drafts: readonly TierDraft[]): { tiers: TierConfig[] | null; problems: string[] } {
  const problems: string[] = [];
  const tiers: TierConfig[] = [];
  const ids = new Set<string>();
  drafts.forEach((d, i) => {
    const n = i + 1;
    const id = d.id.trim();
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(id)) problems.push(`Tier ${n}: the id may hold letters, digits and _ . : - only.`);
    else if (ids.has(id)) problems.push(`Tier ${n}: the id "${id}" is used twice.`);
    ids.add(id);
    if (!d.name.trim() || d.name.trim().length > 40) problems.push(`Tier ${n}: a name of 1–40 characters.`);
    const threshold = parseMoneyInput(d.threshold);
    if (threshold === null) problems.push(`Tier ${n}: the spend threshold as an amount, e.g. 500 or 500.00.`);
    const mult = /^\d+$/.test(d.multiplierPct.trim()) ? Number(d.multiplierPct.trim()) : NaN;
    if (!(mult >= 0 && mult <= 10_000)) problems.push(`Tier ${n}: the multiplier as a whole percentage (100 = normal).`);
    if (threshold !== null && !Number.isNaN(mult)) tiers.push({ id, name: d.name.trim(), thresholdMinor: threshold, multiplierPct: mult });
  });
  if (drafts.length > 20) problems.push('At most 20 tiers.');
  const sorted = [...tiers].sort((a, b) => a.thresholdMinor - b.thresholdMinor);
  if (sorted.length > 0 && sorted[0]!.thresholdMinor !== 0) problems.push('The first tier must start at $0 so every member has a tier.');
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.thresholdMinor === sorted[i - 1]!.thresholdMinor) problems.push('Two tiers have the same threshold.');
  return problems.length > 0 ? { tiers: null, problems } : { tiers: sorted, problems };
}
