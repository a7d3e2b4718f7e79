// Print the capacity reports to PDF with Debian's Chromium and read them back with poppler (pdftotext, pdfimages).
// Page images go to test-output/reports/ (gitignored) for a human look.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/main/reports/html';
import { renderPdf } from '../../../src/main/reports/pdf';
import { machineScheduleReport } from '../../../src/main/reports/machineScheduleReport';
import { loadByWorkCenterReport } from '../../../src/main/reports/loadReport';
import { scheduleKnitOrders } from '../../../src/main/engine/capacity/schedule';
import { computeLoad } from '../../../src/main/engine/capacity/load';
import { SIZE_1X, syntheticCapacityInput } from '../../bench/capacity';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const canPrint = existsSync(CHROMIUM) && existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
const OUT = resolve(__dirname, '../../../test-output/reports');

function pdfText(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1); // pdftotext ends every page with a form feed
}

function pageImages(pdf: string, prefix: string): string[] {
  for (const f of readdirSync(OUT)) if (f.startsWith(`${prefix}-`) && f.endsWith('.png')) rmSync(resolve(OUT, f));
  execFileSync('pdftoppm', ['-r', '50', '-png', pdf, resolve(OUT, prefix)]);
  return readdirSync(OUT).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'));
}

function countOf(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe.skipIf(!canPrint)(`printed capacity reports${canPrint ? '' : ` (skipped: ${CHROMIUM} or poppler-utils missing)`}`, () => {
  const full = syntheticCapacityInput(SIZE_1X, 3);
  const input = { ...full, orders: full.orders.slice(0, 150) };
  mkdirSync(OUT, { recursive: true });

  it('Machine schedule: header and page x of y on every page, every order exactly once', async () => {
    const result = scheduleKnitOrders(input);
    const spec = machineScheduleReport(result, { printedAt: '2025-09-02T14:05:00', pageSize: 'A4' });
    const pdf = resolve(OUT, 'machine-schedule.pdf');
    const { ms } = await renderPdf(renderReport(spec), pdf, { pageSize: 'A4' });
    const pages = pdfText(pdf);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page).toMatch(/^\s*Machine schedule\s+·\s+As of 2025-09-02\s+·\s+Printed 2025-09-02 14:05/);
      expect(page).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}\\s*$`));
    });
    // A4 landscape is 842 x 595 pt.
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.9\d* x 59[45]\.\d+ pts \(A4\)/);

    // Every order once in the schedule and "not scheduled" parts (the late explanations name orders again).
    const all = pages.join('\n');
    const body = all.slice(0, all.indexOf('Why orders are late'));
    expect(result.orders.length + result.unschedulable.length).toBe(150);
    for (const o of input.orders) expect(countOf(body, o.koNumber), o.koNumber).toBe(1);
    // Table headers repeat on every page that continues a table.
    const withRows = pages.filter((p) => /K25\d{4}/.test(p));
    for (const p of withRows) expect(p).toMatch(/Machine\s+Order\s+Style\s+Lbs|Order\s+Style\s+Lbs\s+ERP machine|Order\s+Machine\s+Late d/);

    const images = pageImages(pdf, 'machine-schedule');
    expect(images).toHaveLength(pages.length);
    console.info(`machine schedule: ${pages.length} pages, ${result.orders.length} scheduled, printed in ${Math.round(ms)} ms`);
  });

  it('Load by work center: vector chart, bottlenecks and the work-center table', async () => {
    const load = computeLoad(input);
    const spec = loadByWorkCenterReport(load, { printedAt: '2025-09-02T14:05:00', pageSize: 'Letter' });
    const pdf = resolve(OUT, 'load-by-work-center.pdf');
    await renderPdf(renderReport(spec), pdf, { pageSize: 'Letter' });
    const pages = pdfText(pdf);
    pages.forEach((page, i) => {
      expect(page).toMatch(/^\s*Load by work center\s+·\s+As of 2025-09-02\s+·\s+Printed 2025-09-02 14:05/);
      expect(page).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}\\s*$`));
    });
    const all = pages.join('\n');
    expect(all).toContain('Busiest week by work center');
    expect(all).toContain('Knit days per week');
    // The top bottleneck appears as chart text (vector) and in the tables.
    expect(countOf(all, load.bottlenecks[0].workCenter)).toBeGreaterThanOrEqual(3);
    // Vector output: the PDF holds no raster images.
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toEqual([]);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
    expect(pageImages(pdf, 'load-by-work-center')).toHaveLength(pages.length);
  });
});
