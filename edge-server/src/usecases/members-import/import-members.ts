import type { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import type { ErrorCode, MembersImportReport } from '@vitrina/contracts';
import type { Database, Queryable } from '../../platform/db/database.js';
import { nextChunkSize } from '../../platform/db/bulk-work.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { newId, nowIso } from '../../shared/ids.js';
import type { CardsService } from '../../domains/cards/index.js';
import { consentRecordsOf, type CustomerRow, type CustomersService } from '../../domains/customers/index.js';
import type { LoyaltyService } from '../../domains/loyalty/index.js';
import { columnIndex, readMemberRow, type ColumnIndex, type MemberCandidate } from './member-row.js';

export interface MembersImportDeps {
  db: Database;
  customers: CustomersService;
  cards: CardsService;
  loyalty: LoyaltyService;
  storeId: string;
}

export interface MembersImportOptions {
  /** How many rejected rows to list in the report (all are counted). */
  maxListed?: number;
  /** Members per transaction (with `chunkMs`: at most). */
  batchSize?: number;
  /**
   * Background imports: how long one batch's transaction may hold the writer (ms); the next
   * batch's size follows how long the last one took (`nextChunkSize`, platform/db/bulk-work.ts).
   */
  chunkMs?: number;
  onProgress?: (p: { rowsRead: number; membersImported: number; rowsRejected: number; seconds: number }) => void;
  progressEvery?: number;
  /**
   * Stops the import between two batches (a console job's cancel): the batches committed before
   * stay, whole; the rest of the file is not read; the report says `cancelled`. A re-run of the
   * file skips the members already imported and completes it.
   */
  signal?: AbortSignal;
}

/** Thrown inside the import when its signal aborts; never leaves it. */
const CANCELLED = Symbol('members import cancelled');

/**
 * An import is bulk work: each batch waits in the write queue's bulk lane, so the scans', kiosks'
 * and tills' writes queued meanwhile go first between two batches (platform/db).
 */
const BULK = { priority: 'bulk' } as const;
/** A background import's first batch (before it knows how fast the writer is) and its smallest. */
const FIRST_BATCH_MEMBERS = 50;
const MIN_BATCH_MEMBERS = 10;

type Ready = MemberCandidate & { importRef: string; customerId: string };

/**
 * In-file duplicate checks keep 52 bits of each HMAC as a number (a small Map entry, so a file of
 * millions fits in memory): a million members (two million identifiers) collide with odds of about 1 in 2,000,
 * and a collision only rejects a row with a reason, it never merges two members.
 */
const short = (hmac: string) => parseInt(hmac.slice(0, 13), 16);

/**
 * Members moving in from a store's old program, streamed from CSV (columns in `member-row.ts`).
 *
 * - Identifiers are stored exactly like enrollment stores them: card numbers and phones as
 *   HMAC + last 4, e-mails as HMAC + masked hint. Nothing in clear at rest.
 * - Every row is all or nothing: the member, their cards, phone, e-mail, consent records and
 *   opening balance are written in one transaction (a batch of rows; a batch that fails is
 *   retried row by row, so one bad row never takes the others with it).
 * - Re-running a file imports nothing new: a member is known by the HMAC of their external id
 *   (`customers.import_ref`), and the opening balance carries the idempotency key
 *   `opening:<store>:<import ref>`, so it can never be credited twice.
 * - A card, phone or e-mail that another member already holds (in the database, or on an earlier
 *   row of the file) rejects the row with VITRINA_ERR_CONFLICT.
 */
export class MembersImport {
  constructor(private readonly d: MembersImportDeps) {}

  async importCsv(input: Readable, opts: MembersImportOptions = {}): Promise<MembersImportReport> {
    const started = Date.now();
    const now = new Date();
    const maxListed = opts.maxListed ?? 1000;
    const maxBatch = opts.batchSize ?? 10_000;
    let batchSize = opts.chunkMs ? Math.min(maxBatch, FIRST_BATCH_MEMBERS) : maxBatch;
    const progressEvery = opts.progressEvery ?? 10_000;
    const report: MembersImportReport = { rowsRead: 0, membersImported: 0, membersSkippedExisting: 0, identifiersImported: 0, openingPointsCredited: 0, rowsRejected: 0, rejected: [], seconds: 0 };
    const reject = (line: number, externalId: string | null, code: ErrorCode, reason: string) => {
      report.rowsRejected++;
      if (report.rejected.length < maxListed) report.rejected.push({ line, externalId: externalId?.slice(0, 64) ?? null, code, reason });
    };
    // First line of the file each external id and identifier appeared on.
    const seenRefs = new Map<number, number>();
    const seenIds = new Map<number, number>();
    let batch: Ready[] = [];

    const flush = async () => {
      if (batch.length === 0) return;
      if (opts.signal?.aborted) throw CANCELLED;
      const rows = batch;
      batch = [];
      const heldMs = await this.writeBatch(rows, report, reject);
      if (opts.chunkMs && heldMs !== null) batchSize = nextChunkSize(rows.length, heldMs, opts.chunkMs, { min: MIN_BATCH_MEMBERS, max: maxBatch });
    };

    // A record csv-parse cannot read (a stray quote, …) is rejected on its own; the file goes on.
    const parser = input.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true, skip_records_with_error: true, info: true }));
    // (No max_record_size: csv-parse stops silently after that error. The upload limit bounds a
    // record, and readMemberRow bounds every field.)
    parser.on('skip', (err: CsvError) => {
      report.rowsRead++;
      const reason = err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quote is opened and never closed: the file could not be read from the record that opens it to the end (line given is the last)'
        : `unreadable CSV record: ${err.message.slice(0, 200)}`;
      reject(Number(err.lines ?? 0), null, 'VITRINA_ERR_IMPORT_INVALID', reason);
    });
    let index: ColumnIndex | null = null;
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (opts.signal?.aborted) throw CANCELLED;
        if (!index) {
          const header = columnIndex(record);
          if (!header.ok) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', header.reason);
          index = header.index;
          continue;
        }
        report.rowsRead++;
        const line = info.lines;
        const row = readMemberRow(record, index, line, this.d.cards, now);
        if (!row.ok) {
          reject(line, (record[index.external_id] ?? '').trim() || null, row.code, row.reason);
        } else {
          const m = row.member;
          const importRef = this.d.cards.hmacOf('member', m.externalId);
          const refLine = seenRefs.get(short(importRef));
          const clash = m.identifiers.map((i) => seenIds.get(short(i.hmac))).find((l) => l !== undefined);
          if (refLine !== undefined) reject(line, m.externalId, 'VITRINA_ERR_CONFLICT', `external_id ${m.externalId} already appears on line ${refLine}`);
          else if (clash !== undefined) reject(line, m.externalId, 'VITRINA_ERR_CONFLICT', `a card, phone or e-mail of this row already appears on line ${clash}`);
          else {
            seenRefs.set(short(importRef), line);
            for (const i of m.identifiers) seenIds.set(short(i.hmac), line);
            batch.push({ ...m, importRef, customerId: newId('cust') });
            if (batch.length >= batchSize) await flush();
          }
        }
        if (opts.onProgress && report.rowsRead % progressEvery === 0) {
          opts.onProgress({ rowsRead: report.rowsRead, membersImported: report.membersImported, rowsRejected: report.rowsRejected, seconds: (Date.now() - started) / 1000 });
        }
      }
      if (!index) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', 'The file is empty.');
      await flush();
    } catch (e) {
      if (e === CANCELLED) {
        input.destroy();
        report.cancelled = true;
      } else if (e instanceof VitrinaError) throw e;
      else throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', `The CSV cannot be read: ${(e as Error).message.slice(0, 200)}`);
    }
    report.rejected.sort((a, b) => a.line - b.line);
    report.seconds = (Date.now() - started) / 1000;
    opts.onProgress?.({ rowsRead: report.rowsRead, membersImported: report.membersImported, rowsRejected: report.rowsRejected, seconds: report.seconds });
    return report;
  }

  /**
   * Skips members imported before, rejects identifiers someone holds, writes the rest in one
   * transaction; answers how long that transaction held the writer (null: nothing written in one).
   */
  private async writeBatch(rows: Ready[], report: MembersImportReport, reject: (line: number, externalId: string | null, code: ErrorCode, reason: string) => void): Promise<number | null> {
    const known = await this.d.customers.existingImportRefs(rows.map((r) => r.importRef));
    const fresh = rows.filter((r) => !known.has(r.importRef));
    report.membersSkippedExisting += rows.length - fresh.length;
    const taken = await this.d.cards.existing(fresh.flatMap((r) => r.identifiers.map((i) => i.hmac)));
    const ready: Ready[] = [];
    for (const r of fresh) {
      const held = r.identifiers.find((i) => taken.has(i.hmac));
      if (!held) ready.push(r);
      else reject(r.line, r.externalId, 'VITRINA_ERR_CONFLICT', `${held.kind === 'email' ? `e-mail ${held.hint}` : `${held.kind === 'phone' ? 'phone' : 'card'} ending ${held.last4}`} is already registered to another member`);
    }
    if (ready.length === 0) return null;
    try {
      let began = 0;
      await this.d.db.transaction((tx) => {
        began = performance.now();
        return this.writeIn(tx, ready);
      }, BULK);
      this.count(ready, report);
      return performance.now() - began;
    } catch {
      // Something changed since the checks (a kiosk enrolled one of these cards meanwhile) or a
      // row breaks a constraint: write row by row so only the rows at fault are rejected.
      for (const r of ready) {
        try {
          await this.d.db.transaction((tx) => this.writeIn(tx, [r]), BULK);
          this.count([r], report);
        } catch (err) {
          const code = err instanceof VitrinaError ? err.code : /UNIQUE/.test(String((err as Error).message)) ? 'VITRINA_ERR_CONFLICT' : 'VITRINA_ERR_IMPORT_INVALID';
          reject(r.line, r.externalId, code, code === 'VITRINA_ERR_CONFLICT' ? 'a card, phone or e-mail of this row was registered to another member during the import' : 'the row could not be written');
        }
      }
      return null;
    }
  }

  /**
   * Each list goes in sorted by the key of its index: ids and HMACs are random, and inserting
   * them in key order walks each B-tree once instead of dirtying a random page per row (which
   * made a 100,000-member import three times slower per row than a 10,000-member one).
   */
  private async writeIn(tx: Queryable, unsorted: readonly Ready[]) {
    const at = nowIso();
    const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
    const rows = [...unsorted].sort(byKey((r) => r.customerId));
    await this.d.customers.insertMany(tx, rows.map((r): CustomerRow => ({
      id: r.customerId, first_name: r.firstName, last_name: r.lastName, birth_date: r.birthDate, enrolled_at: r.consentAt,
      consent_program: 1, consent_marketing: r.consents.marketing ? 1 : 0, consent_profiling: r.consents.profiling ? 1 : 0,
      consents_updated_at: r.consentAt, source_ref: null, import_ref: r.importRef, erased_at: null,
    })));
    await this.d.cards.addManyIn(tx, rows.flatMap((r) => r.identifiers.map((id) => ({ id, customerId: r.customerId }))).sort(byKey((x) => x.id.hmac)), at);
    await this.d.customers.recordConsentsManyIn(tx, rows.flatMap((r) => consentRecordsOf(r.consents, r.textVersion, r.consentAt, 'import').map((c) => ({ ...c, customerId: r.customerId }))), at);
    for (const r of [...rows].sort(byKey((x) => x.importRef))) {
      // An opening balance is spendable at once, like restored points ('restore' lot), and lasts the program's validity.
      await this.d.loyalty.awardIn(tx, {
        customerId: r.customerId, kind: 'restore', points: r.openingPoints, idempotencyKey: `opening:${this.d.storeId}:${r.importRef}`, at, note: 'opening balance (members import)',
      });
    }
  }

  /**
   * The report as the jobs table keeps it: rejected rows by line, code and reason, without the
   * old program's member ids (stored only as HMACs everywhere else). The console sees the full
   * report while the server remembers the job.
   */
  static withoutExternalIds(report: MembersImportReport): MembersImportReport {
    return {
      ...report,
      rejected: report.rejected.map((r) => ({ ...r, externalId: null, reason: r.externalId ? r.reason.split(r.externalId).join('…') : r.reason })),
    };
  }

  private count(rows: readonly Ready[], report: MembersImportReport) {
    report.membersImported += rows.length;
    for (const r of rows) {
      report.identifiersImported += r.identifiers.length;
      report.openingPointsCredited += r.openingPoints;
    }
  }
}
