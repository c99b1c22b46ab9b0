import { Readable } from 'node:stream';
import type { AuditEntry, AuditPage } from '@vitrina/contracts';
import { isAcceptedLocalDate, localDateOf } from '../../shared/calendar.js';
import { csvLine } from '../../shared/csv.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { AuditRecord, AuditSink } from '../../platform/http/serve-route.js';
import type { AuditFilter, AuditRepository, AuditRow } from './repository.js';
import { summarizeBody, summarizeChange, targetOf } from './summary.js';

export interface AuditQueryInput {
  userId?: string;
  area?: string;
  from?: string;
  to?: string;
}

const CSV_COLUMNS = ['id', 'at', 'userId', 'username', 'method', 'routeId', 'area', 'path', 'targetId', 'status', 'summary'] as const;
const EXPORT_BATCH = 500;

function entryOf(r: AuditRow): AuditEntry {
  return {
    id: r.id, at: r.at, userId: r.user_id, username: r.username, method: r.method, routeId: r.route_id, area: r.area,
    path: r.path, targetId: r.target_id, status: r.status, summary: r.summary,
  };
}

/** A bound of the date filter: a store-local day (both ends inclusive) or an ISO instant. */
function bound(value: string | undefined): { day: string } | { instant: string } | undefined {
  if (value === undefined || value === '') return undefined;
  if (isAcceptedLocalDate(value)) return { day: value };
  const t = Date.parse(value);
  if (Number.isNaN(t) || !value.includes('T')) throw new VitrinaError('VITRINA_ERR_VALIDATION', `Not a day (YYYY-MM-DD) or an ISO instant: ${value}`);
  return { instant: new Date(t).toISOString() };
}

/**
 * The audit log of staff writes. As the HTTP layer's AuditSink it turns each write into one
 * row, keeping a domain's own before/after account when the handler noted one and a redacted
 * summary of the request body otherwise. Admins page through it and export it as CSV.
 */
export class AuditService implements AuditSink {
  /** `timeZone`: the store's, for the day of each row and the day filters. */
  constructor(
    private readonly repo: AuditRepository,
    private readonly timeZone: string,
  ) {}

  async record(e: AuditRecord): Promise<void> {
    const dot = e.routeId.indexOf('.');
    await this.repo.insert({
      at: e.at, day: localDateOf(this.timeZone, e.at), user_id: e.actor.id, username: e.actor.username, method: e.method, route_id: e.routeId,
      area: dot > 0 ? e.routeId.slice(0, dot) : (/^\/api\/v1\/([^/]+)/.exec(e.path)?.[1] ?? 'other'),
      path: e.path, target_id: targetOf(e.params), status: e.status, summary: e.change ? summarizeChange(e.change) : summarizeBody(e.body),
    });
  }

  async page(q: AuditQueryInput & { limit?: number; before?: number }): Promise<AuditPage> {
    const limit = q.limit ?? 50;
    const rows = await this.repo.page(this.filter(q), limit + 1, q.before);
    const entries = rows.slice(0, limit).map(entryOf);
    return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1]!.id : null };
  }

  /** The rows that match, oldest first, as a CSV stream read from the database in batches. */
  exportCsv(q: AuditQueryInput): Readable {
    const filter = this.filter(q); // validates before the answer starts
    const repo = this.repo;
    async function* lines() {
      yield csvLine(CSV_COLUMNS);
      let after = 0;
      for (;;) {
        const rows = await repo.batchAfter(filter, after, EXPORT_BATCH);
        if (rows.length === 0) return;
        yield rows.map(entryOf).map((e) => csvLine(CSV_COLUMNS.map((c) => e[c]))).join('');
        after = rows[rows.length - 1]!.id;
      }
    }
    return Readable.from(lines());
  }

  private filter(q: AuditQueryInput): AuditFilter {
    const f: AuditFilter = {};
    if (q.userId) f.userId = q.userId;
    if (q.area) f.area = q.area;
    const from = bound(q.from);
    const to = bound(q.to);
    if (from && 'day' in from) f.fromDay = from.day;
    if (from && 'instant' in from) f.from = from.instant;
    if (to && 'day' in to) f.toDay = to.day;
    if (to && 'instant' in to) f.to = to.instant;
    return f;
  }
}
