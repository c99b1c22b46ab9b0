/**
 * Net Promoter Score from 0–10 answers: promoters answer 9–10, passives 7–8, detractors 0–6;
 * NPS = 100 × (promoters − detractors) / answers, rounded to one decimal; null without answers.
 * Satisfaction is reported beside it as the share of 9–10 and the average score.
 */
export interface NpsSummary {
  answers: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number | null;
  /** Share of answers that are 9 or 10 (0..1), null without answers. */
  promoterShare: number | null;
  averageScore: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function npsOf(scores: readonly number[]): NpsSummary {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  let total = 0;
  for (const s of scores) {
    if (s >= 9) promoters++;
    else if (s >= 7) passives++;
    else detractors++;
    total += s;
  }
  const n = scores.length;
  return {
    answers: n, promoters, passives, detractors,
    nps: n ? round1((100 * (promoters - detractors)) / n) : null,
    promoterShare: n ? Math.round((promoters / n) * 1000) / 1000 : null,
    averageScore: n ? Math.round((total / n) * 100) / 100 : null,
  };
}
