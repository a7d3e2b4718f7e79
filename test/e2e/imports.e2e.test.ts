// End to end: the Imports page shows the as-of date an import will use, with its evidence, before anything is
// imported; the planner changes it and the date given is the one used; the snapshot's import report lists its files;
// a folder mixing two ERP weeks is refused before import; a snapshot built with records dated after its as-of date carries a banner in the status bar.
// Built app through the web bridge on an empty store (no demo), Debian's Chromium, generated ERP-shaped folders.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateErpExports } from '../../src/main/demo';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser';
import { bridgeBuilt, startBridgeProcess, type BridgeProcess } from '../support/bridgeProcess';
import { copyFile, copyFolder } from '../support/cli';
import { tempDir } from '../support/tempDb';

const SHOTS = join(__dirname, '../../test-output/e2e');
const canRun = bridgeBuilt && existsSync(CHROMIUM_PATH);
if (!canRun) console.warn(`imports e2e skipped: ${bridgeBuilt ? `no Chromium at ${CHROMIUM_PATH}` : 'the app is not built (npm run build)'}`);

const tmp = tempDir('bkp-e2e-imports-');
let bridge: BridgeProcess;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
let root: string;
let week36: string;
let mixed: string;

describe.skipIf(!canRun)('the Imports page shows the as-of date before importing', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    root = join(tmp.dir, 'erp');
    await generateErpExports({ seed: 5, scale: 1, asOf: '2025-08-27', outDir: root });
    await generateErpExports({ seed: 5, scale: 1, asOf: '2025-09-03', outDir: root });
    // one ERP week (Wed 9-03) with the API knit orders of the masters, some created after the date
    week36 = copyFolder(join(root, 'snapshots', '2025-09-03'), join(tmp.dir, 'week36'));
    copyFile(join(root, 'master', 'efab_api_knit_orders.json'), week36);
    mixed = copyFolder(join(root, 'snapshots', '2025-09-03'), join(tmp.dir, 'mixed'), { drop: (n) => n.startsWith('Expected') });
    copyFile(join(root, 'snapshots', '2025-08-27', 'Expected_Yarn_Report.xlsx'), mixed);
    bridge = await startBridgeProcess(join(tmp.dir, 'planner.db'), ['--no-demo']);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(`${bridge.url}#/imports`);
    await page.waitForSelector('[data-testid="page-imports"]');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
    tmp.cleanup();
  });

  it('infers the date with its evidence, lets the planner change it, and imports as of the date given', async () => {
    await page.setInputFiles('[data-testid="import-folder-input"]', week36);
    await page.waitForSelector('[data-testid="import-preview"]', { timeout: 60_000 });
    expect(await page.inputValue('[data-testid="import-preview-asof"]')).toBe('2025-09-03');
    const evidence = await page.textContent('[data-testid="import-preview-evidence"]');
    expect(evidence).toContain('Yarn_Demand_By_Style_KO.xlsx · first-week pro-rating of the knit orders');
    expect(evidence).toContain('week of 2025-09-01 · Expected_Yarn_Report.xlsx · Friday-dated week columns');
    expect(await bridge.invoke<unknown[]>('snapshots.list').then((r) => r.data)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'imports-preview.png') });

    await page.fill('[data-testid="import-preview-asof"]', '2025-09-04');
    await page.waitForSelector('[data-testid="import-preview-conflicts"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="import-preview-conflicts"]')).toContain('the files say 2025-09-03');
    expect(await page.textContent('[data-testid="import-preview-source"]')).toBe('the date given (the files say 2025-09-03)');
    await page.click('[data-testid="import-preview-go"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="status-asof"]')?.textContent === '2025-09-04', null, { timeout: 120_000 });
    const banner = await page.waitForSelector('[data-testid="status-future"]', { timeout: 30_000 });
    expect(await banner.textContent()).toMatch(/Records dated after 2025-09-04: .*efab_api_knit_orders\.json \(\d+ knit orders/);
    await page.screenshot({ path: join(SHOTS, 'imports-future-banner.png') });
  }, 240_000);

  it("shows the new snapshot's import report: a row per file, its date, no other snapshot to compare with", async () => {
    await page.waitForSelector('[data-testid="report-files-grid"]', { timeout: 30_000 });
    const files = readdirSync(week36).length;
    await page.waitForFunction(
      (n) =>
        (window as unknown as { __grids?: Record<string, { getDisplayedRowCount(): number }> }).__grids?.[
          'report-files-grid'
        ]?.getDisplayedRowCount() === n,
      files,
      { timeout: 30_000 },
    );
    expect(await page.textContent('[data-testid="report-kpis-asOf"]')).toContain('2025-09-04');
    expect(await page.textContent('[data-testid="report-kpis-files"]')).toContain(String(files));
    await page.screenshot({ path: join(SHOTS, 'imports-report.png') });
    await page.click('[data-testid="report-tab-compare"]');
    await page.waitForSelector('[data-testid="compare-none"]', { timeout: 30_000 });
    await page.click('[data-testid="report-tab-files"]');
  }, 60_000);

  it('refuses a folder mixing two ERP weeks before anything is imported', async () => {
    await page.setInputFiles('[data-testid="import-folder-input"]', mixed);
    await page.waitForSelector('[data-testid="import-preview-refusal"]', { timeout: 60_000 });
    const refusal = await page.textContent('[data-testid="import-preview-refusal"]');
    expect(refusal).toContain('different ERP weeks');
    expect(refusal).toContain('week of 2025-08-25: Expected_Yarn_Report.xlsx');
    expect(await page.isDisabled('[data-testid="import-preview-go"]')).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'imports-refused.png') });
  }, 120_000);

  it('reads a chosen history folder as a history: one snapshot per snapshot folder, each with its date', async () => {
    await page.setInputFiles('[data-testid="import-folder-input"]', root);
    await page.waitForSelector('[data-testid="import-preview"][data-kind="history"]', { timeout: 120_000 });
    const dates = await page.$$eval('[data-testid="import-preview-batch"]', (els) => els.map((e) => e.getAttribute('data-as-of')));
    expect(dates).toEqual(['2025-08-27', '2025-09-03']);
    await page.click('[data-testid="import-preview-cancel"]');
    expect(await page.$('[data-testid="import-preview"]')).toBeNull();
  }, 180_000);

  it('raised no errors in the page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
