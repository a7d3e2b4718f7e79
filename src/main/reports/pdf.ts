// Report HTML -> PDF with Chromium. Headless (CLI, tests): renderPdf with playwright-core and Debian's chromium.
// In the Electron app: webContents.printToPDF(electronPrintOptions(pageSize)) on the same HTML.
// The header on every page is the document <title> (html.ts puts title, as-of and print time there); the footer
// carries "Page x of y". Chromium fills the `title`, `pageNumber` and `totalPages` spans.
import type { PageSize } from './html';
import { reportsPolicyDefaults } from '../../shared/policy/reports';

const TEMPLATE_STYLE =
  'font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9px; color: #52606d; width: 100%; margin: 0 10mm; ' +
  '-webkit-print-color-adjust: exact;';

export const PAGE_HEADER_TEMPLATE = `<div style='${TEMPLATE_STYLE} border-bottom: 0.5px solid #cbd2d9; padding-bottom: 2px;'><span class="title"></span></div>`;

export const PAGE_FOOTER_TEMPLATE =
  `<div style='${TEMPLATE_STYLE} display: flex; justify-content: space-between;'>` +
  `<span>Beverly Knits Planner</span>` +
  `<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;

/** Page margins in inches; the header and footer print inside the top and bottom margins. Same as html.ts @page. */
export const PAGE_MARGINS_IN = { top: 16 / 25.4, bottom: 14 / 25.4, left: 10 / 25.4, right: 10 / 25.4 };

/** Options for Electron's webContents.printToPDF (plain object: no electron import here). */
export function electronPrintOptions(pageSize: PageSize = reportsPolicyDefaults.paperSize) {
  return {
    pageSize,
    landscape: true,
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    headerTemplate: PAGE_HEADER_TEMPLATE,
    footerTemplate: PAGE_FOOTER_TEMPLATE,
    margins: PAGE_MARGINS_IN,
  };
}

/** Chromium flags of the verified headless recipe (toolchain.md §5). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface RenderPdfOptions {
  pageSize?: PageSize;
  /** Default: $CHROMIUM_PATH or /usr/bin/chromium. */
  executablePath?: string;
}

export interface RenderPdfResult {
  outPath: string;
  bytes: number;
  ms: number;
}

/** Print one report HTML to a PDF file with headless Chromium (playwright-core, a dev dependency: CLI and tests). */
export async function renderPdf(html: string, outPath: string, options: RenderPdfOptions = {}): Promise<RenderPdfResult> {
  const started = performance.now();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const m = PAGE_MARGINS_IN;
    const buffer = await page.pdf({
      path: outPath,
      format: options.pageSize ?? reportsPolicyDefaults.paperSize,
      landscape: true,
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: PAGE_HEADER_TEMPLATE,
      footerTemplate: PAGE_FOOTER_TEMPLATE,
      margin: { top: `${m.top}in`, bottom: `${m.bottom}in`, left: `${m.left}in`, right: `${m.right}in` },
    });
    return { outPath, bytes: buffer.length, ms: performance.now() - started };
  } finally {
    await browser.close();
  }
}
