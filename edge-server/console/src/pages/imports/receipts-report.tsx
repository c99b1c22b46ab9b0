import type { ImportReport } from '@vitrina/contracts';
import { useT } from '../../lib/use-t';
import { ReportView } from './report-view';

/** A receipts import's report: counts, then the rejected rows with their line, receipt and reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useT();
  return (
    <ReportView
      testId="import"
      stats={[
        { label: t('imports.receipts.linesRead'), value: report.linesRead },
        { label: t('imports.receipts.imported'), value: report.receiptsImported },
        { label: t('imports.receipts.already'), value: report.receiptsSkippedExisting },
        { label: t('imports.rowsRejected'), value: report.rowsRejected, bad: report.rowsRejected > 0 },
        { label: t('imports.time'), value: report.seconds, unit: 'seconds' },
      ]}
      rejected={report.rejected}
      rejectedCount={report.rowsRejected}
      columns={[
        { header: t('imports.line'), cell: (r) => r.line, numeric: true },
        { header: t('imports.receipts.receipt'), cell: (r) => r.receiptId ?? '—' },
        { header: t('imports.reason'), cell: (r) => r.reason },
      ]}
      rowKey={(r, i) => `${i}-${r.line}`}
    />
  );
}
