// End to end on the hardened web bridge, in Debian's Chromium: the printed URL sets an HttpOnly cookie and the token
// leaves the address bar; files are imported through streamed uploads and the page hears about them over
// server-sent events (authorised by the cookie alone); deleting a snapshot asks what happens to its scenarios; the
// Settings page says why a value is refused.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser';
import { bridgeBuilt, startBridgeProcess, type BridgeProcess } from '../support/bridgeProcess';
import { tempDir } from '../support/tempDb';
import { TINY_BOM_CSV, TINY_YARN_INVENTORY_CSV } from '../support/tinyExports';

const canRun = bridgeBuilt && existsSync(CHROMIUM_PATH);
if (!canRun) console.warn(`e2e skipped: ${bridgeBuilt ? `no Chromium at ${CHROMIUM_PATH}` : 'the app is not built (npm run build)'}`);

const tmp = tempDir('bkp-e2e-session-');
let bridge: BridgeProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
/** HTTP status of each events-stream connection the page opened. */
const eventStreams: number[] = [];
const consoleErrors: string[] = [];

async function gridRows(testId: string): Promise<number> {
  await page.waitForSelector(`[data-testid="${testId}"][data-ready="true"]`, { timeout: 30_000 });
  return page.evaluate(
    (id) => (window as unknown as { __grids: Record<string, { getDisplayedRowCount(): number }> }).__grids[id].getDisplayedRowCount(),
    testId,
  );
}

async function waitForRows(testId: string, n: number): Promise<void> {
  await page.waitForFunction(
    ({ id, rows }) =>
      (window as unknown as { __grids?: Record<string, { getDisplayedRowCount(): number }> }).__grids?.[id]?.getDisplayedRowCount() === rows,
    { id: testId, rows: n },
    { timeout: 60_000 },
  );
}

/** Chooses the files, gives the as-of date in the preview (the files carry none) and imports them. */
async function importThroughThePage(asOf: string, label: string): Promise<void> {
  await page.fill('[data-testid="import-label"]', label);
  await page.setInputFiles('[data-testid="import-file-input"]', [join(tmp.dir, 'files', 'yarn_inventory.csv'), join(tmp.dir, 'files', 'bom.csv')]);
  await page.waitForSelector('[data-testid="import-preview-asof"]');
  await page.fill('[data-testid="import-preview-asof"]', asOf);
  await page.waitForSelector('[data-testid="import-preview-go"]:not([disabled])');
  await page.click('[data-testid="import-preview-go"]');
}

describe.skipIf(!canRun)('a browser session on the web bridge', () => {
  beforeAll(async () => {
    mkdirSync(join(tmp.dir, 'files'));
    writeFileSync(join(tmp.dir, 'files', 'yarn_inventory.csv'), TINY_YARN_INVENTORY_CSV);
    writeFileSync(join(tmp.dir, 'files', 'bom.csv'), TINY_BOM_CSV);
    bridge = await startBridgeProcess(tmp.dbPath, ['--no-demo']);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => r.url().endsWith('/api/events') && eventStreams.push(r.status()));
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
    tmp.cleanup();
  });

  it('opens from the printed URL, then keeps the token out of the address bar, the scripts and every later request', async () => {
    await page.goto(`${bridge.url}#/imports`);
    await page.waitForSelector('[data-testid="page-imports"]');
    expect(page.url()).toBe(`${bridge.origin}/#/imports`);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const port = new URL(bridge.origin).port;
    expect(await context.cookies()).toEqual([
      expect.objectContaining({ name: `bkp_token_${port}`, value: bridge.token, httpOnly: true, sameSite: 'Strict' }),
    ]);
    await page.waitForFunction(() => document.querySelector('[data-testid="statusbar"]')?.textContent?.length, null, { timeout: 15_000 });
    // The only request that ever carried it: the printed URL itself (the fragment never leaves the browser).
    expect(requests.filter((u) => u.includes(bridge.token))).toEqual([bridge.url]);
  });

  it('imports files through streamed uploads, and the snapshot list follows over server-sent events', async () => {
    await importThroughThePage('2025-09-05', 'Week 36');
    await waitForRows('snapshots-grid', 1);
    await importThroughThePage('2025-09-12', 'Week 37');
    await waitForRows('snapshots-grid', 2);
    expect(requests.filter((u) => u.endsWith('/api/upload'))).toHaveLength(4);
    // One events stream, accepted on the cookie alone (EventSource cannot send the token header).
    expect(eventStreams).toEqual([200]);
    const snapshots = await bridge.invoke<{ id: number; label: string; asOf: string }[]>('snapshots.list');
    expect(snapshots.data?.map((s) => `${s.label} ${s.asOf}`)).toEqual(['Week 37 2025-09-12', 'Week 36 2025-09-05']);
  });

  it('deleting a snapshot names the scenarios built on it and moves them to the snapshot the planner keeps', async () => {
    const [newer, older] = (await bridge.invoke<{ id: number }[]>('snapshots.list')).data!.map((s) => s.id);
    expect((await bridge.invoke('scenarios.create', { name: 'Rush order K2508', snapshotId: older })).ok).toBe(true);
    expect(await gridRows('snapshots-grid')).toBe(2);
    await page.evaluate(
      (id) =>
        (window as unknown as { __grids: Record<string, { getRowNode(id: string): { setSelected(on: boolean): void } }> }).__grids['snapshots-grid']
          .getRowNode(String(id))
          .setSelected(true),
      older,
    );
    await page.click('[data-testid="snapshot-delete"]');
    await page.waitForSelector('[data-testid="snapshot-delete-scenarios"]');
    expect(await page.textContent('[data-testid="confirm-dialog"]')).toMatch(/Rush order K2508 \(0 overrides\)/);
    expect(await page.inputValue('[data-testid="scenario-fate-target"]')).toBe(String(newer));
    expect(await page.isChecked('[data-testid="scenario-fate-move"]')).toBe(true);
    await page.click('[data-testid="confirm-ok"]');
    await waitForRows('snapshots-grid', 1);
    const scenarios = await bridge.invoke<{ name: string; snapshotId: number }[]>('scenarios.list');
    expect(scenarios.data).toEqual([expect.objectContaining({ name: 'Rush order K2508', snapshotId: newer })]);
  });

  it('shows why Settings refuses a value, naming the key, and does not let it be saved', async () => {
    await page.goto(`${bridge.origin}/#/settings`);
    await page.waitForSelector('[data-testid="settings-form"]');
    await page.fill('[data-testid="setting-calendar-horizonWeeks"]', '1000000');
    await page.waitForSelector('[data-testid="setting-error-calendar-horizonWeeks"]');
    expect(await page.textContent('[data-testid="setting-error-calendar-horizonWeeks"]')).toBe(
      'policy calendar.horizonWeeks must be at most 156 (got 1000000)',
    );
    expect(await page.isDisabled('[data-testid="settings-save"]')).toBe(true);
    await page.fill('[data-testid="setting-calendar-horizonWeeks"]', '12');
    await page.click('[data-testid="settings-save"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="settings-summary"]')?.textContent?.startsWith('1 changed'));
    const policy = await bridge.invoke<Record<string, Record<string, unknown>>>('settings.getPolicy');
    expect(policy.data?.calendar.horizonWeeks).toBe(12);
  });

  it('raised no errors in the page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
