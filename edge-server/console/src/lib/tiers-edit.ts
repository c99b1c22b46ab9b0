import type { TierConfig } from '@vitrina/contracts';
import { parseMoneyInput } from './forms';
import { formatMoneyWhole } from './format';
import { consoleI18n } from './i18n';

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
  const { t } = consoleI18n.current();
  const problems: string[] = [];
  const tiers: TierConfig[] = [];
  const ids = new Set<string>();
  drafts.forEach((d, i) => {
    const n = i + 1;
    const id = d.id.trim();
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(id)) problems.push(t('loyalty.problems.tierId', { n }));
    else if (ids.has(id)) problems.push(t('loyalty.problems.tierIdTwice', { n, id }));
    ids.add(id);
    if (!d.name.trim() || d.name.trim().length > 40) problems.push(t('loyalty.problems.tierName', { n }));
    const threshold = parseMoneyInput(d.threshold);
    if (threshold === null) problems.push(t('loyalty.problems.tierThreshold', { n }));
    const mult = /^\d+$/.test(d.multiplierPct.trim()) ? Number(d.multiplierPct.trim()) : NaN;
    if (!(mult >= 0 && mult <= 10_000)) problems.push(t('loyalty.problems.tierMultiplier', { n }));
    if (threshold !== null && !Number.isNaN(mult)) tiers.push({ id, name: d.name.trim(), thresholdMinor: threshold, multiplierPct: mult });
  });
  if (drafts.length > 20) problems.push(t('loyalty.problems.tooManyTiers'));
  const sorted = [...tiers].sort((a, b) => a.thresholdMinor - b.thresholdMinor);
  if (sorted.length > 0 && sorted[0]!.thresholdMinor !== 0) problems.push(t('loyalty.problems.firstTier', { zero: formatMoneyWhole(0) }));
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.thresholdMinor === sorted[i - 1]!.thresholdMinor) problems.push(t('loyalty.problems.sameThreshold'));
  return problems.length > 0 ? { tiers: null, problems } : { tiers: sorted, problems };
}
