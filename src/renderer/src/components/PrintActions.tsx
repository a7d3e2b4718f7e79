// "Print / PDF" for a page: the service renders the printable report; print it (HTML) or save the PDF.
import { useState, type ReactNode } from 'react';
import { downloadReportPdf, printReportHtml, REPORT_TITLES, type ReportName } from '../lib/reports';
import { Icon } from './Icon';

interface PrintActionsProps {
  report: ReportName;
  scenarioId?: number;
  disabled?: boolean;
  testId: string;
}

export function PrintActions({ report, scenarioId, disabled, testId }: PrintActionsProps): ReactNode {
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const run = async (kind: 'print' | 'pdf') => {
    setBusy(kind);
    try {
      await (kind === 'pdf' ? downloadReportPdf(report, scenarioId) : printReportHtml(report, scenarioId));
    } finally {
      setBusy(null);
    }
  };
  const title = REPORT_TITLES[report];
  return (
    <div className="btn-group" role="group" aria-label={`${title}: print or PDF`}>
      <button
        type="button"
        className="btn"
        onClick={() => void run('print')}
        disabled={disabled || busy !== null}
        title={`Print the ${title.toLowerCase()} (opens the print dialog)`}
        data-testid={`${testId}-print`}
      >
        <Icon name="print" size={14} />
        {busy === 'print' ? 'Preparing…' : 'Print'}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => void run('pdf')}
        disabled={disabled || busy !== null}
        title={`Save the ${title.toLowerCase()} as a PDF file`}
        data-testid={`${testId}-pdf`}
      >
        <Icon name="download" size={13} />
        {busy === 'pdf' ? 'Rendering…' : 'PDF'}
      </button>
    </div>
  );
}
