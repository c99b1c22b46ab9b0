import type { NpsReport, SurveyReason } from '@vitrina/contracts';

/** The three NPS bands, in reading order, with the scores each holds. */
export const BANDS = [
  { name: 'detractors', scores: [0, 1, 2, 3, 4, 5, 6], color: '#b42318' },
  { name: 'passives', scores: [7, 8], color: '#8a6d00' },
  { name: 'promoters', scores: [9, 10], color: '#166534' },
] as const;

export type BandName = (typeof BANDS)[number]['name'];

export function bandOf(score: number): BandName {
  return score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors';
}

/** Share of each band among the answers (null without answers). */
export function bandShares(r: Pick<NpsReport, 'answers' | 'promoters' | 'passives' | 'detractors'>): Record<BandName, number | null> {
  const of = (n: number) => (r.answers > 0 ? n / r.answers : null);
  return { detractors: of(r.detractors), passives: of(r.passives), promoters: of(r.promoters) };
}

/** A chip id in the reader's language: its configured label, else the id itself (a chip removed since). */
export function reasonLabel(id: string, reasons: readonly SurveyReason[], language: string): string {
  const r = reasons.find((x) => x.id === id);
  if (!r) return id;
  return language === 'ru' ? r.labels.ru : r.labels.en;
}

/** A new chip id from its English label: "Checkout speed" → "checkout-speed" (unique within `taken`). */
export function chipIdFrom(label: string, taken: readonly string[]): string {
  const base = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 28) || 'reason';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}
