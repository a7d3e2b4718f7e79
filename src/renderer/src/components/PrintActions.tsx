// "PDF / Print / XLSX" for a page: the service renders the printable report; download the PDF, print it (HTML), or
// download it as an Excel workbook.
import { useState, type ReactNode } from 'react';
import { downloadReport, printReportHtml, REPORT_TITLES, type ReportName } from '../lib/reports';
import { Icon } from './Icon';

interface PrintActionsProps {
  report: ReportName;
  scenarioId?: number;
  disabled?: boolean;
  testId: string;
}

export function PrintActions({ report, scenarioId, disabled, testId }: PrintActionsProps): ReactNode {
  const [busy, setBusy] = useState<'print' | 'pdf' | 'xlsx' | null>(null);
  const run = async (kind: 'print' | 'pdf' | 'xlsx') => {
    setBusy(kind);
    try {
      await (kind === 'print' ? printReportHtml(report, scenarioId) : downloadReport(report, kind, scenarioId));
    } finally {
      setBusy(null);
    }
  };
  const title = REPORT_TITLES[report];
  return (
    <div className="btn-group" role="group" aria-label={`${title}: PDF, print or Excel`}>
      <button
        type="button"
        className="btn"
        onClick={() => void run('pdf')}
        disabled={disabled || busy !== null}
        title={`Download the ${title.toLowerCase()} as a PDF file`}
        data-testid={`${testId}-pdf`}
      >
        <Icon name="download" size={13} />
        {busy === 'pdf' ? 'Rendering…' : 'PDF'}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => void run('print')}
        disabled={disabled || busy !== null}
        title={`Print the ${title.toLowerCase()} (opens the print dialog; “Save as PDF” works there too)`}
        data-testid={`${testId}-print`}
      >
        <Icon name="print" size={14} />
        {busy === 'print' ? 'Preparing…' : 'Print'}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => void run('xlsx')}
        disabled={disabled || busy !== null}
        title={`Download the ${title.toLowerCase()} as an Excel workbook`}
        data-testid={`${testId}-xlsx`}
      >
        <Icon name="download" size={13} />
        {busy === 'xlsx' ? 'Rendering…' : 'XLSX'}
      </button>
    </div>
  );
}
