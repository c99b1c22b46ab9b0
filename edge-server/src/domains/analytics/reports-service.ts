import type { Readable } from 'node:stream';
import type {
  CampaignTimeline, PointsLiability, ProgramSeries, ReportBucket, SalesReport, SalesReportQuery, SeriesPoint,
} from '@vitrina/contracts';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { addDays, daysBetween, isAcceptedLocalDate, localDateOf } from '../../shared/calendar.js';
import { minorToDecimal } from '../../shared/money/decimal.js';
import { npsOf } from '../surveys/index.js';
import { bucketStart, bucketStarts, nextBucket } from './reports/buckets.js';
import { EXPORT_PAGE, pagedCsv } from './reports/paged-csv.js';
import type { ReportsRepository, SaleLineDb, SalesRowDb } from './reports-repository.js';

/** The longest period a report or an export covers. */
export const MAX_REPORT_DAYS = 3 * 366;
/** Lots without a last valid day expire on 9999-12-31 in the ledger replay: reported as month "never". */
const NEVER_EXPIRES = '9999-01-01';
/** Receipts per page of the line export (about 4 lines each: ~8,000 rows a page). */
const LINE_EXPORT_RECEIPTS = 2000;
/** Ledger customers replayed per page by the liability walk. */
const LIABILITY_PAGE = 500;

/** What the reports need from loyalty, passed as functions in compose.ts (analytics imports no loyalty). */
export interface ReportsProgram {
  settings(): Promise<{ pointValueMinor: number }>;
  today(): string;
  /** The customer's points lots as of `day` (loyalty's ledger replay). */
  pointsState(customerId: string, day: string): Promise<{ pending: number; debt: number; lots: ReadonlyArray<{ remaining: number; expiresOn: string }> }>;
}

export type SalesExportBy = SalesReportQuery['by'] | 'line';

/** Reports a marketer reads and exports: series, sales, liability, campaign timelines, codes, segment members. */
export class ReportsService {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly program: ReportsProgram,
    private readonly timeZone: string,
  ) {}

  /** Program series per bucket in the store's time zone (members, activity, sales, points, NPS). */
  async series(from: string, to: string, bucket: ReportBucket = 'day'): Promise<ProgramSeries> {
    this.checkPeriod(from, to);
    // Instants a little wider than the days (every zone is within ±14 h of UTC); hours are then placed on their store day.
    const fromInstant = `${addDays(from, -1)}T00`;
    const toInstant = `${addDays(to, 2)}T00`;
    const [receipts, enrolments, points, scores] = await Promise.all([
      this.repo.receiptBuckets(from, to, bucket), this.repo.enrolmentsByHour(toInstant),
      this.repo.pointsByHour(fromInstant, toInstant), this.repo.surveyScores(from, to, bucket),
    ]);
    const starts = bucketStarts(from, to, bucket);
    const byStart = new Map(receipts.map((r) => [r.start, r]));
    const dayOfHour = (hour: string) => localDateOf(this.timeZone, `${hour}:00:00Z`);

    // Members at each bucket's end: enrolments up to that store day, counted cumulatively.
    const enrolledPerDay = new Map<string, number>();
    for (const e of enrolments) {
      const day = dayOfHour(e.hour);
      enrolledPerDay.set(day, (enrolledPerDay.get(day) ?? 0) + e.n);
    }
    const enrolDays = [...enrolledPerDay.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const pointsOf = new Map<string, { issued: number; redeemed: number; expired: number }>();
    for (const p of points) {
      const day = dayOfHour(p.hour);
      if (day < from || day > to) continue;
      const k = bucketStart(day, bucket);
      const x = pointsOf.get(k) ?? { issued: 0, redeemed: 0, expired: 0 };
      if (p.kind === 'earn') x.issued += p.points;
      else if (p.kind === 'redeem') x.redeemed -= p.points;
      else x.expired -= p.points;
      pointsOf.set(k, x);
    }
    const scoresOf = new Map<string, number[]>();
    for (const s of scores) {
      const list = scoresOf.get(s.start) ?? [];
      for (let i = 0; i < s.n; i++) list.push(s.score);
      scoresOf.set(s.start, list);
    }

    let members = 0;
    let e = 0;
    const out: SeriesPoint[] = starts.map((start) => {
      const end = addDays(nextBucket(start, bucket), -1);
      while (e < enrolDays.length && enrolDays[e]![0] <= end) members += enrolDays[e++]![1];
      const r = byStart.get(start);
      const p = pointsOf.get(start) ?? { issued: 0, redeemed: 0, expired: 0 };
      const nps = npsOf(scoresOf.get(start) ?? []);
      const receiptsN = r?.receipts ?? 0;
      const active = r?.activeMembers ?? 0;
      return {
        start, members, activeMembers: active, receipts: receiptsN, salesMinor: r?.salesMinor ?? 0,
        averageReceiptMinor: receiptsN ? Math.round((r?.saleTotalMinor ?? 0) / receiptsN) : null,
        frequency: active ? Math.round(((r?.memberReceipts ?? 0) / active) * 100) / 100 : null,
        pointsIssued: p.issued, pointsRedeemed: p.redeemed, pointsExpired: p.expired,
        surveyAnswers: nps.answers, nps: nps.nps,
      };
    });
    return { from, to, bucket, points: out };
  }

  /** The series as CSV (one row per bucket; amounts as decimals). */
  async seriesCsv(from: string, to: string, bucket: ReportBucket = 'day'): Promise<Readable> {
    const s = await this.series(from, to, bucket);
    const header = ['bucket_start', 'members', 'active_members', 'receipts', 'sales', 'average_receipt', 'frequency', 'points_issued', 'points_redeemed', 'points_expired', 'survey_answers', 'nps'];
    return pagedCsv(header, 0, async (after) => s.points.slice(after, after + EXPORT_PAGE).map((p, i) => ({ p, i: after + i + 1 })), (x) => x.i, ({ p }) => [
      p.start, p.members, p.activeMembers, p.receipts, minorToDecimal(p.salesMinor), p.averageReceiptMinor === null ? '' : minorToDecimal(p.averageReceiptMinor),
      p.frequency ?? '', p.pointsIssued, p.pointsRedeemed, p.pointsExpired, p.surveyAnswers, p.nps ?? '',
    ]);
  }

  /** Sales by bucket, product, category or department (products etc.: best sellers first, up to `limit`). */
  async sales(q: SalesReportQuery): Promise<SalesReport> {
    this.checkPeriod(q.from, q.to);
    const rows = q.by === 'period' ? await this.repo.salesByPeriod(q.from, q.to, q.bucket ?? 'day') : await this.repo.salesTop(q.by, q.from, q.to, q.limit ?? 100);
    return { from: q.from, to: q.to, by: q.by, rows };
  }

  /**
   * The sales report as CSV, streamed: `by=line` is every receipt line of the period (store day,
   * receipt, product, quantity, amounts), read a page of receipts at a time; the grouped reports
   * are read a page of keys at a time. Validates before the first byte so a bad period is a 400.
   */
  salesCsv(q: { from: string; to: string; by: SalesExportBy; bucket?: ReportBucket }): Readable {
    this.checkPeriod(q.from, q.to);
    const money = minorToDecimal;
    if (q.by === 'line') {
      return pagedCsv(
        ['day', 'receipt_id', 'kind', 'line_no', 'product_id', 'product', 'category', 'department', 'quantity', 'unit_price', 'discount', 'net'],
        { day: '', id: '' },
        (after) => this.repo.linesPage(q.from, q.to, after.day, after.id, LINE_EXPORT_RECEIPTS),
        (l: SaleLineDb) => ({ day: l.localDate, id: l.receiptId }),
        (l) => [l.localDate, l.receiptId, l.kind, l.lineNo, l.productId, l.productName, l.category, l.department, l.quantity, money(l.unitPriceMinor), money(l.discountMinor), money(l.netMinor)],
      );
    }
    const header = [q.by === 'period' ? 'bucket_start' : q.by, 'label', 'receipts', 'quantity', 'sales', 'discount'];
    const cells = (r: SalesRowDb) => [r.key, r.label, r.receipts, r.quantity, money(r.salesMinor), money(r.discountMinor)];
    if (q.by === 'period') {
      const bucket = q.bucket ?? 'day';
      // One row per bucket of at most three years: a single page.
      return pagedCsv(header, false, async (done) => (done ? [] : this.repo.salesByPeriod(q.from, q.to, bucket)), () => true, cells);
    }
    const by = q.by;
    return pagedCsv(header, '', (after) => this.repo.salesPage(by, q.from, q.to, after, EXPORT_PAGE), (r) => r.key, cells);
  }

  /** Outstanding points (spendable and pending, not lapsed) by the month their lots expire, and their value. */
  async pointsLiability(today = this.program.today()): Promise<PointsLiability> {
    const { pointValueMinor } = await this.program.settings();
    const byMonth = new Map<string, number>();
    let pending = 0;
    let debt = 0;
    for (let after = ''; ;) {
      const ids = await this.repo.ledgerCustomersAfter(after, LIABILITY_PAGE);
      if (ids.length === 0) break;
      for (const id of ids) {
        const s = await this.program.pointsState(id, today);
        pending += s.pending;
        debt += s.debt;
        for (const lot of s.lots) {
          if (lot.remaining <= 0) continue;
          const month = lot.expiresOn >= NEVER_EXPIRES ? 'never' : lot.expiresOn.slice(0, 7);
          byMonth.set(month, (byMonth.get(month) ?? 0) + lot.remaining);
        }
      }
      after = ids[ids.length - 1]!;
    }
    const months = [...byMonth.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([month, points]) => ({ month, points, valueMinor: points * pointValueMinor }));
    // A debt (points spent before a refund took their lot back) is owed by the shopper: it lowers the total.
    const outstanding = Math.max(0, months.reduce((t, m) => t + m.points, 0) - debt);
    return { today, pointValueMinor, outstandingPoints: outstanding, valueMinor: outstanding * pointValueMinor, pendingPoints: pending, byExpiryMonth: months };
  }

  async pointsLiabilityCsv(today?: string): Promise<Readable> {
    const l = await this.pointsLiability(today);
    return pagedCsv(['expiry_month', 'points', 'value'], false, async (done) => (done ? [] : l.byExpiryMonth), () => true, (m) => [m.month, m.points, minorToDecimal(m.valueMinor)]);
  }

  /** Revenue per customer of each arm per bucket of the campaign window, and the difference. */
  async campaignTimeline(id: string, bucket: ReportBucket = 'week'): Promise<CampaignTimeline> {
    const c = await this.repo.campaign(id);
    if (!c) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No campaign "${id}".`);
    const [arms, revenue] = await Promise.all([this.repo.campaignArms(id), this.repo.campaignRevenue(id, c.starts_on, c.ends_on, bucket)]);
    const size = (arm: string) => arms.find((a) => a.arm === arm)?.n ?? 0;
    const t = size('treatment');
    const k = size('control');
    const rev = new Map(revenue.map((r) => [`${r.start}|${r.arm}`, r.revenueMinor]));
    const per = (start: string, arm: string, n: number) => (n ? Math.round((rev.get(`${start}|${arm}`) ?? 0) / n) : 0);
    return {
      campaignId: id, from: c.starts_on, to: c.ends_on, bucket, treatmentCustomers: t, controlCustomers: k,
      points: bucketStarts(c.starts_on, c.ends_on, bucket).map((start) => {
        const tr = per(start, 'treatment', t);
        const co = per(start, 'control', k);
        return { start, treatmentRevenuePerCustomerMinor: tr, controlRevenuePerCustomerMinor: co, incrementalPerCustomerMinor: tr - co };
      }),
    };
  }

  async campaignTimelineCsv(id: string, bucket?: ReportBucket): Promise<Readable> {
    const c = await this.campaignTimeline(id, bucket);
    return pagedCsv(['bucket_start', 'treatment_revenue_per_customer', 'control_revenue_per_customer', 'incremental_per_customer'], false,
      async (done) => (done ? [] : c.points), () => true,
      (p) => [p.start, minorToDecimal(p.treatmentRevenuePerCustomerMinor), minorToDecimal(p.controlRevenuePerCustomerMinor), minorToDecimal(p.incrementalPerCustomerMinor)]);
  }

  /** A promotion's codes with their use counts, streamed in code order. */
  async codesCsv(promotionId: string): Promise<Readable> {
    if (!(await this.repo.promotionExists(promotionId))) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No promotion "${promotionId}".`);
    return pagedCsv(['code', 'max_uses', 'max_uses_per_customer', 'uses', 'created_at'], '', (after) => this.repo.codesPage(promotionId, after, EXPORT_PAGE), (r) => r.code,
      (r) => [r.code, r.maxUses ?? '', r.maxUsesPerCustomer ?? '', r.uses, r.createdAt]);
  }

  /** A segment's members (pseudonymous id, enrolment instant, marketing consent), streamed in id order. */
  async segmentMembersCsv(segment: string, known: boolean): Promise<Readable> {
    if (!known && !(await this.repo.segmentHasMembers(segment))) throw new VitrinaError('VITRINA_ERR_SEGMENT_UNKNOWN', `No segment "${segment}".`);
    return pagedCsv(['customer_id', 'enrolled_at', 'consent_marketing'], '', (after) => this.repo.segmentMembersPage(segment, after, EXPORT_PAGE), (r) => r.customerId,
      (r) => [r.customerId, r.enrolledAt, r.consentMarketing]);
  }

  /** A period: two real days, from ≤ to, at most MAX_REPORT_DAYS long. */
  checkPeriod(from: string, to: string) {
    if (!isAcceptedLocalDate(from) || !isAcceptedLocalDate(to)) throw new VitrinaError('VITRINA_ERR_REPORT_PERIOD_INVALID', 'from and to must be real days (YYYY-MM-DD).');
    if (from > to) throw new VitrinaError('VITRINA_ERR_REPORT_PERIOD_INVALID', `The period starts (${from}) after it ends (${to}).`);
    if (daysBetween(from, to) + 1 > MAX_REPORT_DAYS) throw new VitrinaError('VITRINA_ERR_REPORT_PERIOD_INVALID', `A report covers at most ${MAX_REPORT_DAYS} days.`);
  }
}
