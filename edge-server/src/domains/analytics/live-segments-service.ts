import type { LiveSegmentInput, LiveSegmentView, SegmentEvaluation, SegmentPreview, SegmentRule, SegmentSizeHistory } from '@vitrina/contracts';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { addDays, daysBetween, localDateOf } from '../../shared/calendar.js';
import { nowIso } from '../../shared/ids.js';
import type { LiveSegmentRow, LiveSegmentsRepository } from './live-segments-repository.js';
import { matches, needsProfiling, ruleProblem, type MemberFacts } from './segments/rules.js';

/** Member ids shown by a preview. */
const PREVIEW_SAMPLE = 20;
/** RFM classes are scored over this look-back, like the RFM report's default. */
const RFM_LOOKBACK_DAYS = 365;

/** What live segments need from outside analytics, passed as functions in compose.ts. */
export interface LiveSegmentsDeps {
  today(): string;
  timeZone: string;
  /** Writes the members into the promotions domain's segment membership (promotion and campaign audiences). */
  materialize(name: string, customerIds: string[]): Promise<unknown>;
  /** The member's tier id today (loyalty). */
  tierOf(customerId: string, day: string): Promise<string>;
  /** Every tier id the program has (loyalty, with the base tier). */
  tierIds(): Promise<string[]>;
  /** RFM class per customer with a sale in the look-back (the RFM report's scoring). */
  rfmClasses(today: string, lookbackDays: number): Promise<Map<string, string>>;
}

type Predicate = (id: string, birthDate: string | null) => boolean;

/**
 * Rule-based segments that live: defined by a marketer, evaluated nightly and on demand, their
 * members written into promotions' segment membership under the segment's name, their size kept
 * per day. Behavioural rules select only members who allow profiling.
 */
export class LiveSegmentsService {
  constructor(private readonly repo: LiveSegmentsRepository, private readonly deps: LiveSegmentsDeps) {}

  async list(): Promise<LiveSegmentView[]> {
    return (await this.repo.list()).map(viewOf);
  }

  async save(input: LiveSegmentInput): Promise<{ before: LiveSegmentView | Record<string, never>; after: LiveSegmentView }> {
    await this.checkRules(input.rules);
    const before = await this.repo.get(input.name);
    await this.repo.upsert({ ...input, at: nowIso() });
    return { before: before ? viewOf(before) : {}, after: viewOf((await this.repo.get(input.name))!) };
  }

  /** Removes the definition, its history and its members (the promotions segment becomes empty). */
  async remove(name: string) {
    const before = await this.mustGet(name);
    await this.deps.materialize(name, []);
    await this.repo.remove(name);
    return { before: viewOf(before), after: {} };
  }

  /** What the rules would select today; writes nothing. */
  async preview(rules: SegmentRule[]): Promise<SegmentPreview> {
    await this.checkRules(rules);
    const ids = await this.select(rules, this.deps.today());
    return { size: ids.length, sample: ids.slice(0, PREVIEW_SAMPLE) };
  }

  /** Evaluates one segment now: members written, size recorded for the store day. */
  async evaluate(name: string): Promise<SegmentEvaluation> {
    const s = await this.mustGet(name);
    const today = this.deps.today();
    const ids = await this.select(s.rules, today);
    await this.deps.materialize(name, ids);
    await this.repo.recordSize(name, today, ids.length, nowIso());
    return { name, size: ids.length, day: today };
  }

  /** The nightly pass: every segment not yet evaluated on the store's today. Returns those evaluated. */
  async evaluateDue(): Promise<SegmentEvaluation[]> {
    const today = this.deps.today();
    const done: SegmentEvaluation[] = [];
    for (const s of await this.repo.list()) {
      if (s.evaluatedAt && localDateOf(this.deps.timeZone, s.evaluatedAt) >= today) continue;
      done.push(await this.evaluate(s.name));
    }
    return done;
  }

  async sizes(from: string, to: string): Promise<SegmentSizeHistory> {
    if (from > to || daysBetween(from, to) > 3 * 366) throw new VitrinaError('VITRINA_ERR_REPORT_PERIOD_INVALID', 'The period must start before it ends and cover at most 3 years.');
    return { from, to, rows: await this.repo.sizes(from, to) };
  }

  /** Whether `name` is a live segment (the members export accepts it even when empty). */
  async exists(name: string) {
    return (await this.repo.get(name)) !== undefined;
  }

  private async mustGet(name: string): Promise<LiveSegmentRow> {
    const s = await this.repo.get(name);
    if (!s) throw new VitrinaError('VITRINA_ERR_SEGMENT_UNKNOWN', `No live segment "${name}".`);
    return s;
  }

  private async checkRules(rules: readonly SegmentRule[]) {
    for (const r of rules) {
      const problem = ruleProblem(r);
      if (problem) throw new VitrinaError('VITRINA_ERR_SEGMENT_RULE_INVALID', problem);
      if (r.kind === 'category' && !(await this.repo.categoryExists(r.category))) {
        throw new VitrinaError('VITRINA_ERR_SEGMENT_RULE_INVALID', `No product has the category "${r.category}".`);
      }
      if (r.kind === 'tier') {
        const known = new Set(await this.deps.tierIds());
        const unknown = r.tierIds.find((t) => !known.has(t));
        if (unknown !== undefined) throw new VitrinaError('VITRINA_ERR_SEGMENT_RULE_INVALID', `No tier "${unknown}".`);
      }
    }
  }

  /** Member ids matching every rule on `today`, sorted. */
  private async select(rules: readonly SegmentRule[], today: string): Promise<string[]> {
    const members = await this.repo.members(needsProfiling(rules));
    const predicates = await Promise.all(rules.map((r) => this.predicate(r, today, members.map((m) => m.id))));
    return members.filter((m) => predicates.every((p) => p(m.id, m.birthDate))).map((m) => m.id).sort();
  }

  /** One rule as a test on a member, after reading the facts it needs once for everyone. */
  private async predicate(rule: SegmentRule, today: string, memberIds: string[]): Promise<Predicate> {
    const month = today.slice(5, 7);
    const base: MemberFacts = { spendMinor: 0, sales: 0, daysSinceLast: null, categorySharePct: null, discountSharePct: null, birthMonth: null, rfmClass: null, tierId: null };
    const test = (facts: Partial<MemberFacts>) => matches(rule, { ...base, ...facts }, month);
    const since = (days: number) => addDays(today, -days + 1);
    switch (rule.kind) {
      case 'birthday_month':
        return (_id, birthDate) => test({ birthMonth: birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? birthDate.slice(5, 7) : null });
      case 'spend':
      case 'frequency': {
        const by = new Map((await this.repo.spendAndSales(since(rule.days), today)).map((r) => [r.id, r]));
        return (id) => test({ spendMinor: by.get(id)?.spendMinor ?? 0, sales: by.get(id)?.sales ?? 0 });
      }
      case 'recency': {
        const by = new Map((await this.repo.lastSale(today)).map((r) => [r.id, daysBetween(r.day, today)]));
        return (id) => test({ daysSinceLast: by.get(id) ?? null });
      }
      case 'category': {
        const by = new Map((await this.repo.categoryShare(rule.category, since(rule.days), today)).map((r) => [r.id, r.total > 0 ? (r.inCategory * 100) / r.total : null]));
        return (id) => test({ categorySharePct: by.get(id) ?? null });
      }
      case 'discount_lover': {
        const by = new Map((await this.repo.discountShare(since(rule.days), today)).map((r) => [r.id, r.lines > 0 ? (r.discounted * 100) / r.lines : null]));
        return (id) => test({ discountSharePct: by.get(id) ?? null });
      }
      case 'rfm': {
        const by = await this.deps.rfmClasses(today, RFM_LOOKBACK_DAYS);
        return (id) => test({ rfmClass: by.get(id) ?? null });
      }
      case 'tier': {
        const by = new Map<string, string>();
        for (const id of memberIds) by.set(id, await this.deps.tierOf(id, today));
        return (id) => test({ tierId: by.get(id) ?? null });
      }
    }
  }
}

function viewOf(s: LiveSegmentRow): LiveSegmentView {
  return { name: s.name, title: s.title, rules: s.rules, size: s.size, evaluatedAt: s.evaluatedAt, updatedAt: s.updatedAt };
}
