// End to end: the built app through the web bridge on a fresh database, in Debian's Chromium. The demo dataset
// loads on first start, is planned and forecast; every screen must render with data. Screenshots go to
// test-output/e2e/ for review.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser';
import { bridgeBuilt, startBridgeProcess, waitForPlan, type BridgeProcess } from '../support/bridgeProcess';
import { tempDir } from '../support/tempDb';
import { waitForJobsIdle } from '../support/e2ePage';

const SHOTS = join(__dirname, '../../test-output/e2e');
const canRun = bridgeBuilt && existsSync(CHROMIUM_PATH);
if (!canRun) console.warn(`e2e skipped: ${bridgeBuilt ? `no Chromium at ${CHROMIUM_PATH}` : 'the app is not built (npm run build)'}`);

const tmp = tempDir('bkp-e2e-');
let bridge: BridgeProcess;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

async function open(route: string): Promise<void> {
  await page.goto(`${bridge.url}#/${route}`);
  await page.waitForSelector(`[data-testid="page-${route.split('?')[0]}"]`);
}

/** Rows the page's main grid displays, read through the AG Grid API. */
async function gridRows(testId: string): Promise<number> {
  await page.waitForSelector(`[data-testid="${testId}"][data-ready="true"]`, { timeout: 30_000 });
  return page.evaluate(
    (id) => (window as unknown as { __grids: Record<string, { getDisplayedRowCount(): number }> }).__grids[id].getDisplayedRowCount(),
    testId,
  );
}

async function shot(name: string): Promise<void> {
  await page.evaluate(() => (window as unknown as { __bkpWhenReady?: () => Promise<void> }).__bkpWhenReady?.());
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

describe.skipIf(!canRun)('the app in Chromium on the demo dataset', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    bridge = await startBridgeProcess(tmp.dbPath);
    await waitForPlan(bridge);
    await waitForJobsIdle(bridge, 'forecast');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
    tmp.cleanup();
  });

  it('opens on the dashboard with the demo snapshot in the status bar', async () => {
    await open('dashboard');
    await page.waitForSelector('[data-testid="dashboard-view"][data-status="ready"]', { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="statusbar"]')?.textContent?.includes('Demo dataset'), null, {
      timeout: 15_000,
    });
    expect(await page.textContent('[data-testid="statusbar"]')).toMatch(/Demo dataset \(scale 1\).*as of \d{4}-\d{2}-\d{2}/);
    await shot('dashboard');
  });

  for (const [route, grid] of [
    ['yarn', 'yarn-grid'],
    ['demand', 'demand-grid'],
    ['purchasing', 'purchasing-grid'],
    ['capacity', 'capacity-grid'],
    ['schedule', 'schedule-grid'],
    ['forecast', 'forecast-grid'],
  ] as const) {
    it(`renders the ${route} page with data`, async () => {
      await open(route);
      await page.waitForSelector(`[data-testid="${route}-view"][data-status="ready"]`, { timeout: 30_000 });
      const rows = await gridRows(grid);
      expect(rows).toBeGreaterThan(0);
      await shot(route);
    });
  }

  it('lists the demo snapshot on the imports page', async () => {
    await open('imports');
    expect(await gridRows('snapshots-grid')).toBe(1);
    await shot('imports');
  });

  it('asks before importing a header-only knit-order file, and imports it with "Import anyway"', async () => {
    await open('imports');
    const knitOrders =
      'Style #,Order #,Start Date,Quoted Date,Qty Ordered (lbs),G00 (lbs),Shipped (lbs),Balance (lbs),Seconds (lbs),BKI #s,Machine,PO#,Modified\n';
    const yarns =
      'Desc#,Supplier,Description,Color,Beginning Balance,Theoretical Balance,On Order,Allocated,Planning Balance,Cost/Pound\n739,LYCRA,1/40 Lycra,Clear,1,1,0,0,1,$1.00\n';
    const snapshots = async () => (await bridge.invoke<unknown[]>('snapshots.list')).data!.length;
    const before = await snapshots();
    await page.setInputFiles('[data-testid="import-file-input"]', [
      { name: 'eFab_Knit_Orders.csv', mimeType: 'text/csv', buffer: Buffer.from(knitOrders) },
      { name: 'yarn_inventory.csv', mimeType: 'text/csv', buffer: Buffer.from(yarns) },
    ]);
    // the files carry no date: the preview asks for it before anything is imported
    await page.waitForSelector('[data-testid="import-preview-asof"]', { timeout: 30_000 });
    await page.fill('[data-testid="import-preview-asof"]', '2025-09-05');
    await page.waitForSelector('[data-testid="import-preview-go"]:not([disabled])');
    await page.click('[data-testid="import-preview-go"]');
    await page.waitForSelector('[data-testid="thin-data-confirm"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="thin-data-reason"]')).toMatch(
      /^thin data, needs confirmation: eFab_Knit_Orders\.csv has a header and no knit orders/,
    );
    expect(await snapshots()).toBe(before);
    await shot('imports-thin-data');
    await page.click('[data-testid="thin-data-import-anyway"]');
    await page.waitForSelector('[data-testid="thin-data-confirm"]', { state: 'detached', timeout: 30_000 });
    for (let i = 0; i < 120 && (await snapshots()) === before; i++) await new Promise((r) => setTimeout(r, 250));
    expect(await snapshots()).toBe(before + 1);
  });

  it('raised no errors in the page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
