import type { ComponentChildren } from 'preact';
import { formatCount, formatSeconds } from '../../lib/format';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

const MAX_ROWS_SHOWN = 200;

export interface ReportStat {
  label: string;
  value: number;
  /** Shown as a count (default) or as seconds. */
  unit?: 'count' | 'seconds';
  /** Marked as a problem (rejected rows above zero). */
  bad?: boolean;
}

export interface RejectedColumn<Row> {
  header: string;
  cell: (row: Row) => ComponentChildren;
  numeric?: boolean;
}

/**
 * The report of an import job of any kind (receipts, members, catalogue): its counts, then the
 * rejected rows the report carries, with a line saying when there were more than it lists.
 */
export function ReportView<Row>({ testId, stats, rejected, rejectedCount, columns, rowKey, children }: {
  /** `<testId>-report` on the report, `<testId>-rejected` on the rejected rows' table. */
  testId: string;
  stats: ReportStat[];
  rejected: readonly Row[];
  /** How many rows were rejected in all (the report lists the first ones). */
  rejectedCount: number;
  columns: RejectedColumn<Row>[];
  rowKey: (row: Row, index: number) => string;
  /** Anything the kind adds below (the catalogue's warnings). */
  children?: ComponentChildren;
}) {
  const { t } = useT();
  // A page of rows at most: the report may carry more than a person reads.
  const shown = rejected.slice(0, MAX_ROWS_SHOWN);
  return (
    <div data-testid={`${testId}-report`}>
      <dl class={style.stats}>
        {stats.map((s) => (
          <div key={s.label}>
            <dt>{s.label}</dt>
            <dd class={s.bad ? style.bad : undefined}>{s.unit === 'seconds' ? formatSeconds(s.value) : formatCount(s.value)}</dd>
          </div>
        ))}
      </dl>
      {shown.length > 0 && (
        <table class="table" data-testid={`${testId}-rejected`}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col" class={c.numeric ? 'num' : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, i) => (
              <tr key={rowKey(row, i)}>
                {columns.map((c) => (
                  <td key={c.header} class={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rejectedCount > shown.length && shown.length > 0 && (
        <p class="muted">{t('imports.firstRejected', { count: shown.length, n: formatCount(shown.length) })}</p>
      )}
      {children}
    </div>
  );
}
