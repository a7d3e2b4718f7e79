// Issue 16 through the web bridge in Chromium on the demo dataset, at 1366 x 768: the start notice, the Shortages
// grid opened directly, the draft form after an inline edit with its toasts, the Forecast page and the shortage
// report's first page. Screenshots go to test-output/e2e/polish-*.png for review.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser';
import { bridgeBuilt, startBridgeProcess, waitForPlan, type BridgeProcess } from '../support/bridgeProcess';
import { tempDir } from '../support/tempDb';

const SHOTS = join(__dirname, '../../test-output/e2e');
const canRun = bridgeBuilt && existsSync(CHROMIUM_PATH);

const tmp = tempDir('bkp-e2e-polish-');
let bridge: BridgeProcess;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

async function waitForJobs(kind: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    const jobs = await bridge.invoke<{ kind: string; status: string; error?: string }[]>('jobs.list');
    if (jobs.data?.some((j) => j.kind === kind && j.status === 'done') && !jobs.data.some((j) => j.status === 'running')) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${kind} job did not finish`);
}

async function shot(name: string): Promise<void> {
  await page.evaluate(() => (window as unknown as { __bkpWhenReady?: () => Promise<void> }).__bkpWhenReady?.());
  await page.screenshot({ path: join(SHOTS, `polish-${name}.png`), fullPage: false });
}

describe.skipIf(!canRun)('issue 16 in Chromium at 1366 x 768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    bridge = await startBridgeProcess(tmp.dbPath);
    await waitForPlan(bridge);
    await waitForJobs('forecast');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
    tmp.cleanup();
  });

  it('says where the database is and how to start clean (16.13)', () => {
    expect(bridge.output()).toContain(`Database: ${tmp.dbPath} (empty: the demo dataset is being loaded into it)`);
    expect(bridge.output()).toContain(`To start clean: quit, then delete ${tmp.dbPath}`);
  });

  it('formats the Shortages grid opened directly by its address (16.1)', async () => {
    await page.goto(`${bridge.url}#/yarn?tab=shortages`);
    await page.waitForSelector('[data-testid="yarn-shortages-grid"][data-ready="true"]', { timeout: 60_000 });
    await page.waitForFunction(() => !!(window as unknown as { __grids?: Record<string, unknown> }).__grids?.['yarn-shortages-grid'], undefined, {
      timeout: 30_000,
    });
    await page.evaluate(() =>
      (window as unknown as { __grids: Record<string, { ensureColumnVisible(c: string): void }> }).__grids['yarn-shortages-grid'].ensureColumnVisible(
        'maxDeficitLbs',
      ),
    );
    await page.waitForSelector('[data-testid="yarn-shortages-grid"] [col-id="maxDeficitLbs"].ag-cell');
    const cells = await page.$$eval('[data-testid="yarn-shortages-grid"] [col-id="maxDeficitLbs"].ag-cell', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c).toMatch(/^\d{1,3}(,\d{3})*$/);
    await shot('shortages-direct');
  });

  it('keeps the draft form in step with an inline edit, with the toasts clear of its Save (16.4, 16.5)', async () => {
    const purchasing = await bridge.invoke<{ suggestions: { id: string }[] }>('view.purchasing', {});
    const accepted = await bridge.invoke<{ draftId: string; qtyLbs: number }[]>('drafts.accept', {
      suggestionIds: [purchasing.data!.suggestions[0].id],
    });
    const draft = accepted.data![0];
    await waitForPlan(bridge);
    await page.goto(`${bridge.url}#/purchasing?tab=drafts`);
    await page.waitForSelector('[data-testid="purchasing-drafts-grid"][data-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector(`[data-testid="purchasing-drafts-grid"] [row-id="${draft.draftId}"] [col-id="description"]`, { timeout: 60_000 });
    await page.click(`[data-testid="purchasing-drafts-grid"] [row-id="${draft.draftId}"] [col-id="description"]`);
    await page.waitForSelector('[data-testid="draft-form"]');
    expect(await page.inputValue('[data-testid="draft-form-qty"]')).toBe(String(Math.round(draft.qtyLbs)));
    const newQty = Math.round(draft.qtyLbs) + 2500;
    // inline edit of the quantity, three times (three toasts of the same kind)
    for (const qty of [newQty - 2, newQty - 1, newQty]) {
      await page.dblclick(`[data-testid="purchasing-drafts-grid"] [row-id="${draft.draftId}"] [col-id="qtyLbs"]`);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(String(qty));
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (q) => (document.querySelector('[data-testid="draft-form-qty"]') as HTMLInputElement | null)?.value === String(q),
        qty,
        { timeout: 30_000 },
      );
    }
    expect(await page.inputValue('[data-testid="draft-form-qty"]')).toBe(String(newQty));
    const toasts = await page.$$('[data-testid="toast"]');
    expect(toasts.length).toBeLessThanOrEqual(3);
    const save = (await page.locator('[data-testid="draft-form-save"]').boundingBox())!;
    for (const t of toasts) {
      const b = await t.boundingBox();
      if (!b) continue; // timed out and gone since it was listed
      const overlaps = b.x < save.x + save.width && save.x < b.x + b.width && b.y < save.y + save.height && save.y < b.y + b.height;
      expect(overlaps, 'a toast covers the Save button').toBe(false);
    }
    await shot('draft-form-after-edit');
  });

  it('shows what the forecast chose per series, the hierarchy and year labels (17, 16.12)', async () => {
    await page.goto(`${bridge.url}#/forecast`);
    await page.waitForSelector('[data-testid="forecast-grid"][data-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="forecast-chart"]', { timeout: 60_000 });
    await page.waitForFunction(() => !!(window as unknown as { __grids?: Record<string, unknown> }).__grids?.['forecast-grid'], undefined, {
      timeout: 30_000,
    });
    const headers = await page.evaluate(() =>
      (window as unknown as { __grids: Record<string, { getColumnDefs(): { headerName?: string }[] }> }).__grids['forecast-grid']
        .getColumnDefs()
        .map((c) => c.headerName),
    );
    expect(headers).toEqual(expect.arrayContaining(['Family', 'Choice', 'Models (weights)', 'Hierarchy']));
    expect(await page.textContent('[data-testid="forecast-hierarchy"]')).toMatch(
      /^Hierarchy: (company total: .+ · style: .+ · style × customer: .+|Not reconciled: .+)\.$/,
    );
    expect(await page.textContent('[data-testid="forecast-detail"] .panel-subtitle')).toMatch(
      /family · (statistical · (single model|equal-weight combination|combination weighted by backtest skill).* · hierarchy: |ordersOnly)/,
    );
    await shot('forecast');
  });

  it('prints the shortage report on Letter with the table starting on the first page (16.7)', async () => {
    const file = await bridge.invoke<{ base64: string }>('reports.render', { report: 'shortages', format: 'pdf' });
    const pdf = join(SHOTS, 'polish-shortages.pdf');
    writeFileSync(pdf, Buffer.from(file.data!.base64, 'base64'));
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
    execFileSync('pdftoppm', ['-f', '1', '-l', '2', '-r', '60', '-png', pdf, join(SHOTS, 'polish-shortages-page')]);
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
    expect(first).toContain('Every short yarn, by first short week');
    expect(first).toContain('Knit orders consuming it');
  });

  it('lays out the dashboard forecast tile and the imports page at 1366 px (16.10)', async () => {
    await page.goto(`${bridge.url}#/dashboard`);
    await page.waitForSelector('[data-testid="dashboard-forecast-accuracy"] .forecast-facts', { timeout: 60_000 });
    await page.locator('[data-testid="dashboard-forecast-accuracy"]').scrollIntoViewIfNeeded();
    // no label runs past its column into the next one
    const overflowing = await page.$$eval('[data-testid="dashboard-forecast-accuracy"] .fact-label', (els) =>
      els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent),
    );
    expect(overflowing).toEqual([]);
    const subs = await page.$$eval('[data-testid^="dashboard-kpi-"] .kpi-tile-sub', (els) =>
      els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent),
    );
    expect(subs).toEqual([]);
    await shot('dashboard');
    await page.goto(`${bridge.url}#/imports`);
    await page.waitForSelector('[data-testid="snapshots-grid"][data-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="report-files-grid"][data-ready="true"]', { timeout: 60_000 });
    const cut = await page.$$eval('[data-testid="report-files-grid"] .ag-cell[col-id="file"]', (els) =>
      els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent),
    );
    expect(cut).toEqual([]);
    await page.locator('[data-testid="report-files-grid"]').scrollIntoViewIfNeeded();
    await shot('imports');
  });

  it('raised no errors in the page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
