// Printable reports: HTML framework, SVG charts, PDF rendering, and the capacity reports built on them.
export * from './html';
export { hBarChart, columnChart, niceStep, type Bar, type Series, type HBarChartOptions, type ColumnChartOptions } from './svg';
export {
  renderPdf,
  electronPrintOptions,
  PAGE_HEADER_TEMPLATE,
  PAGE_FOOTER_TEMPLATE,
  PAGE_MARGINS_IN,
  CHROMIUM_ARGS,
  type RenderPdfOptions,
  type RenderPdfResult,
} from './pdf';
export { machineScheduleReport, type MachineScheduleReportOptions } from './machineScheduleReport';
export { loadByWorkCenterReport, type LoadReportOptions } from './loadReport';
