// Printed reports (`reports.render`): download the PDF (or the Excel workbook), or print the HTML through the system print dialog.
import type { ChannelInput } from '../../../shared/contract';
import { api, call } from '../api';
import { describeError, toast } from '../stores/toastStore';
import { base64ToText, downloadFile } from './download';

export type ReportName = ChannelInput<'reports.render'>['report'];

export const REPORT_TITLES: Record<ReportName, string> = {
  shortages: 'Yarn shortage report',
  purchasePlan: 'Purchase plan',
  machineSchedule: 'Machine schedule',
  loadByWorkCenter: 'Load by work center',
};

/** Renders the report as a PDF or an Excel workbook and downloads it. Resolves true when the file was produced. */
export async function downloadReport(report: ReportName, format: 'pdf' | 'xlsx', scenarioId?: number): Promise<boolean> {
  const r = await api.invoke('reports.render', { report, format, ...(scenarioId ? { scenarioId } : {}) });
  if (!r.ok) {
    toast(
      'error',
      `Could not render the ${REPORT_TITLES[report].toLowerCase()} as ${format === 'pdf' ? 'PDF' : 'Excel'}`,
      `${describeError(r.error)}${format === 'pdf' ? ' — “Print” opens the same report in the print dialog, where “Save as PDF” works too.' : ''}`,
    );
    return false;
  }
  const file = r.data;
  downloadFile(file);
  toast('success', `${REPORT_TITLES[report]} saved`, file.fileName);
  return true;
}

/**
 * Renders the report as HTML into a hidden frame and opens the print dialog for it (the report's own @page CSS
 * sets paper size and margins; "Save as PDF" in that dialog gives a PDF too). The frame goes away after printing.
 */
export async function printReportHtml(report: ReportName, scenarioId?: number): Promise<boolean> {
  const file = await call('reports.render', { report, format: 'html', ...(scenarioId ? { scenarioId } : {}) });
  if (!file) return false;
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.title = REPORT_TITLES[report];
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  frame.dataset.testid = `report-frame-${report}`;
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = base64ToText(file.base64);
  document.body.appendChild(frame);
  await loaded;
  const win = frame.contentWindow;
  if (!win) {
    frame.remove();
    return false;
  }
  const cleanup = () => setTimeout(() => frame.remove(), 1000);
  win.addEventListener('afterprint', cleanup, { once: true });
  win.focus();
  win.print();
  // Some shells never fire afterprint; remove the frame eventually either way.
  setTimeout(() => frame.isConnected && frame.remove(), 120_000);
  return true;
}
