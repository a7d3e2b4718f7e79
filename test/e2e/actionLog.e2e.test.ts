// End to end: the planner accepts a suggestion in Purchasing, pins an order on the Schedule and changes a policy value
// in Settings; the action log (header button) lists the three; Ctrl+Z puts the policy value back and the panel
// shows it undone; the accept is undone from the panel and its draft is gone. Demo data, fresh database, Chromium.
import { existsSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../support/browser';
import { bridgeBuilt, type BridgeProcess } from '../support/bridgeProcess';
import { tempDir } from '../support/tempDb';
import { openDemoSession, screenshots, sel, waitForJobsIdle, type DemoSession } from '../support/e2ePage';

const OUT = '/tmp/shots/i15-undo';
const canRun = bridgeBuilt && existsSync(CHROMIUM_PATH);
if (!canRun)
  console.warn(`action log e2e skipped: ${bridgeBuilt ? `no Chromium at ${CHROMIUM_PATH}` : 'the app is not built (npx electron-vite build)'}`);

const tmp = tempDir('bkp-e2e-undo-');
let session: DemoSession | undefined;
let bridge: BridgeProcess;
let page: Page;
let consoleErrors: string[] = [];
const timings: Record<string, number> = {};

type GridApi = { forEachNodeAfterFilterAndSort(cb: (n: { data: Record<string, unknown>; setSelected(v: boolean): void }) => void): void };
const entries = () =>
  page.$$eval(sel('action-log-entry'), (lis) =>
    lis.map((li) => ({
      id: Number(li.getAttribute('data-entry-id')),
      kind: li.getAttribute('data-kind'),
      undone: li.getAttribute('data-undone') === 'true',
      sentence: li.querySelector('[data-testid="action-log-sentence"]')?.textContent ?? '',
      text: li.textContent ?? '',
    })),
  );

describe.skipIf(!canRun)('the action log and undo, through the UI', () => {
  let accepted: { yarnId: string; receiptDate: string } = { yarnId: '', receiptDate: '' };
  let pinnedOrder = '';
  let moqBefore = 0;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    session = await openDemoSession(tmp.dbPath);
    ({ bridge, page, consoleErrors } = session);
  }, 150_000);

  afterAll(async () => {
    await session?.close();
    tmp.cleanup();
    console.info(`action log e2e timings (ms): ${JSON.stringify(timings)}`);
  });

  it('accepts a suggestion, pins an order and changes a policy value', async () => {
    await page.goto(`${bridge.url}#/purchasing`);
    await page.waitForSelector(`${sel('purchasing-grid')}[data-ready="true"]`, { timeout: 60_000 });
    accepted = await page.evaluate(() => {
      const api = (window as unknown as { __grids: Record<string, GridApi> }).__grids['purchasing-grid'];
      const nodes: { data: Record<string, unknown>; setSelected(v: boolean): void }[] = [];
      api.forEachNodeAfterFilterAndSort((n) => nodes.push(n));
      const first = nodes.find((n) => typeof n.data.supplierId === 'string')!;
      first.setSelected(true);
      return { yarnId: first.data.yarnId as string, receiptDate: first.data.receiptDate as string };
    });
    await page.click(sel('purchasing-accept'));
    await page.waitForSelector(`${sel('purchasing-accept')}:has-text("Accept as PO drafts")`, { timeout: 30_000 });
    await waitForJobsIdle(bridge, 'plan');
    const drafts = await bridge.invoke<{ yarnId: string; status: string }[]>('drafts.list');
    expect(drafts.data).toEqual([expect.objectContaining({ yarnId: accepted.yarnId, status: 'accepted' })]);

    await page.goto(`${bridge.url}#/schedule`);
    await page.waitForSelector(`${sel('schedule-grid')}[data-ready="true"]`, { timeout: 60_000 });
    pinnedOrder = await page.evaluate(() => {
      const api = (window as unknown as { __grids: Record<string, GridApi> }).__grids['schedule-grid'];
      let orderNo = '';
      api.forEachNodeAfterFilterAndSort((n) => (orderNo ||= String(n.data.orderNo ?? '')));
      return orderNo;
    });
    expect(pinnedOrder).not.toBe('');
    await page.goto(`${bridge.url}#/schedule?koNumber=${encodeURIComponent(pinnedOrder)}`);
    await page.waitForSelector(`${sel('schedule-order')}[data-order="${pinnedOrder}"]`, { timeout: 30_000 });
    await page.click(sel('schedule-pin'));
    await page.waitForFunction(() => document.querySelector('[data-testid="action-log-count"]')?.textContent === '2');
    await waitForJobsIdle(bridge, 'plan');

    await page.goto(`${bridge.url}#/settings`);
    await page.waitForSelector(sel('settings-form'));
    moqBefore = Number((await page.inputValue(sel('setting-purchasing-defaultMoqLbs'))).replace(/,/g, ''));
    expect(moqBefore).toBeGreaterThan(0);
    await page.fill(sel('setting-purchasing-defaultMoqLbs'), String(moqBefore + 500));
    await page.click(sel('settings-save'));
    await page.waitForFunction(() => document.querySelector('[data-testid="settings-summary"]')?.textContent?.startsWith('1 changed'));
    expect((await bridge.invoke<Record<string, Record<string, unknown>>>('settings.getPolicy')).data?.purchasing.defaultMoqLbs).toBe(moqBefore + 500);
  }, 120_000);

  it('lists the three actions in the panel, newest first, with before -> after and a count on the button', async () => {
    await page.waitForFunction(() => document.querySelector('[data-testid="action-log-count"]')?.textContent === '3');
    await page.click(sel('action-log-button'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="action-log-entry"]').length === 3);
    const list = await entries();
    expect(list.map((e) => e.kind)).toEqual(['settings.setPolicy', 'schedule.pin', 'drafts.accept']);
    expect(list[0].sentence).toBe(`Changed policy purchasing.defaultMoqLbs: ${moqBefore} (default) → ${moqBefore + 500}`);
    expect(list[1].sentence).toMatch(new RegExp(`^Pinned order ${pinnedOrder} `));
    expect(list[2].sentence).toMatch(new RegExp(`^Accepted draft for yarn ${accepted.yarnId}: [\\d,]+ lbs due ${accepted.receiptDate}$`));
    expect(list[0].text).toContain(`value ${moqBefore + 500}`);
    expect(list[2].text).toContain('(none) → ');
    expect(await page.$$(sel('action-log-undo'))).toHaveLength(3);
    await screenshots(page, OUT, 'action-log-panel');
  });

  it('Ctrl+Z undoes the policy change: the value is back and the panel shows it undone', async () => {
    // In a text field Ctrl+Z is the field's own: nothing is undone.
    await page.focus(sel('setting-purchasing-defaultMoqLbs'));
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    expect((await entries()).filter((e) => e.undone)).toEqual([]);
    expect((await bridge.invoke<Record<string, Record<string, unknown>>>('settings.getPolicy')).data?.purchasing.defaultMoqLbs).toBe(moqBefore + 500);

    // The field's own undo changed its text (not saved): a fresh page shows the saved value again.
    await page.reload();
    await page.waitForSelector(sel('settings-form'));
    expect(Number((await page.inputValue(sel('setting-purchasing-defaultMoqLbs'))).replace(/,/g, ''))).toBe(moqBefore + 500);
    await page.click(sel('action-log-button'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="action-log-entry"]').length === 3);

    await page.click(sel('page-title'));
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.press('Control+z');
    await page.waitForFunction(
      (v) => document.querySelector<HTMLInputElement>('[data-testid="setting-purchasing-defaultMoqLbs"]')?.value.replace(/,/g, '') === String(v),
      moqBefore,
    );
    timings.ctrlZToValueBackMs = Math.round((await page.evaluate(() => performance.now())) - t0);
    expect((await bridge.invoke<Record<string, Record<string, unknown>>>('settings.getPolicy')).data?.purchasing.defaultMoqLbs).toBe(moqBefore);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="action-log-entry"]').length === 4);
    const list = await entries();
    expect(list[0]).toMatchObject({ kind: 'actions.undo', sentence: expect.stringMatching(/^Undid #\d+: Changed policy purchasing.defaultMoqLbs/) });
    expect(list[1]).toMatchObject({ kind: 'settings.setPolicy', undone: true });
    expect(await page.textContent(sel('toasts'))).toContain(`Undone${list[1].sentence}`);
    await page.waitForFunction(() => document.querySelector('[data-testid="action-log-count"]')?.textContent === '2');
  });

  it('undoes the accept from the panel: the draft is gone', async () => {
    const accept = (await entries()).find((e) => e.kind === 'drafts.accept')!;
    const t0 = await page.evaluate(() => performance.now());
    await page.click(`[data-entry-id="${accept.id}"] ${sel('action-log-undo')}`);
    await page.waitForSelector(`[data-entry-id="${accept.id}"][data-undone="true"]`);
    timings.panelUndoToUndoneMs = Math.round((await page.evaluate(() => performance.now())) - t0);
    expect((await bridge.invoke<unknown[]>('drafts.list')).data).toEqual([]);
    await waitForJobsIdle(bridge, 'plan');
    await page.click(sel('action-log-close'));
    await page.goto(`${bridge.url}#/purchasing?tab=drafts`);
    await page.waitForSelector(`${sel('purchasing-drafts-grid')}[data-ready="true"]`, { timeout: 30_000 });
    const draftRows = await page.evaluate(() => {
      let n = 0;
      (window as unknown as { __grids: Record<string, GridApi> }).__grids['purchasing-drafts-grid']?.forEachNodeAfterFilterAndSort(() => n++);
      return n;
    });
    expect(draftRows).toBe(0);
    // The pin stays: only what was undone went back.
    await page.click(sel('action-log-button'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="action-log-entry"]').length === 5);
    expect((await entries()).find((e) => e.kind === 'schedule.pin')).toMatchObject({ undone: false });
    await screenshots(page, OUT, 'action-log-undone');
  });

  it('raised no errors in the page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
