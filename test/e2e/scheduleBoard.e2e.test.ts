// End to end on the demo (web bridge, Chromium): the schedule board reaches every machine by scrolling (only the
// rows in view are in the DOM), zooms to fit and by week, labels its bars; a bar dragged onto another machine of its
// work center is pinned there and re-planned, one dragged onto another build is refused with the reason and stays;
// "What if this PO is late" from a yarn's receipts and "What if this machine is down" from a bar's menu each land
// on the planned scenario's comparison. Machines, orders, yarns and POs are found through the UI (the yarn through
// the position view, as the scenario e2e does). Timings are printed; screenshots go to test-output/e2e/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { machineBuild } from '../../src/shared/scheduleMove';
import type { ScheduleView, YarnDetailView, YarnPositionView } from '../../src/shared/views';
import { CHROMIUM_PATH } from '../support/browser';
import { bridgeBuilt, type BridgeProcess } from '../support/bridgeProcess';
import { tempDir } from '../support/tempDb';
import { openDemoSession, screenshots, sel, type DemoSession } from '../support/e2ePage';

const OUT = join(__dirname, '../../test-output/e2e');
const SHOTS = process.env.BKP_SHOTS_DIR ?? OUT;
const canRun = bridgeBuilt && existsSync(CHROMIUM_PATH);
if (!canRun)
  console.warn(`schedule board e2e skipped: ${bridgeBuilt ? `no Chromium at ${CHROMIUM_PATH}` : 'the app is not built (npx electron-vite build)'}`);

const tmp = tempDir('bkp-e2e-board-');
let session: DemoSession | undefined;
let bridge: BridgeProcess;
let page: Page;
let consoleErrors: string[] = [];
const timings: Record<string, number> = {};

async function scheduleView(): Promise<ScheduleView> {
  const r = await bridge.invoke<ScheduleView>('view.schedule', {});
  if (!r.ok || !r.data) throw new Error(`view.schedule: ${r.error?.message}`);
  return r.data;
}

interface BarBox {
  orderNo: string;
  machineId: string;
  /** The style's work center: the machines it may be pinned to. */
  styleWc: string;
  start: string;
  row: number;
  wc: string;
  x: number;
  y: number;
  width: number;
}

/** The bars fully in view (right of the labels, inside the scroll box), with their row's work center. */
async function barsInView(): Promise<BarBox[]> {
  return page.$$eval('[data-testid="gantt-bar"]', (els) => {
    const scroller = document.querySelector('[data-testid="schedule-board-scroll"]')!;
    const box = scroller.getBoundingClientRect();
    return els.flatMap((el) => {
      const r = el.getBoundingClientRect();
      const row = el.closest('[data-testid="gantt-row"]') as HTMLElement;
      if (
        r.left < box.left + 180 ||
        r.right > box.left + scroller.clientWidth - 4 ||
        r.top < box.top + 32 ||
        r.bottom > box.top + scroller.clientHeight
      )
        return [];
      if (r.width < 12) return [];
      return [
        {
          orderNo: el.getAttribute('data-order')!,
          machineId: el.getAttribute('data-machine')!,
          styleWc: el.getAttribute('data-style-wc')!,
          start: el.getAttribute('data-start')!,
          row: Number(row.getAttribute('data-row')),
          wc: row.getAttribute('data-wc')!,
          x: r.left + r.width / 2,
          y: r.top + r.height / 2,
          width: r.width,
        },
      ];
    });
  });
}

async function rowsInView(): Promise<{ machineId: string; wc: string; row: number; y: number }[]> {
  return page.$$eval('[data-testid="gantt-row"]', (els) => {
    const scroller = document.querySelector('[data-testid="schedule-board-scroll"]')!;
    const box = scroller.getBoundingClientRect();
    return els.flatMap((el) => {
      const r = el.getBoundingClientRect();
      if (r.top < box.top + 30 || r.bottom > box.top + scroller.clientHeight + 0.5) return [];
      return [
        {
          machineId: el.getAttribute('data-machine')!,
          wc: el.getAttribute('data-wc')!,
          row: Number(el.getAttribute('data-row')),
          y: r.top + r.height / 2,
        },
      ];
    });
  });
}

async function drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 3, from.y + 3, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
}

async function openBoard(): Promise<void> {
  await page.goto(`${bridge.url}#/schedule`);
  await page.waitForSelector(`${sel('schedule-gantt')} ${sel('gantt-bar')}`, { timeout: 60_000 });
}

describe.skipIf(!canRun)('the schedule board and what-ifs through the UI', () => {
  let asOf = '';

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    mkdirSync(SHOTS, { recursive: true });
    session = await openDemoSession(tmp.dbPath);
    ({ bridge, page, consoleErrors } = session);
    asOf = (await scheduleView()).asOf;
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page)
      await page.screenshot({ path: join(OUT, `board-failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
  });

  afterAll(async () => {
    await session?.close();
    tmp.cleanup();
    console.info(`schedule board e2e timings (ms): ${JSON.stringify(timings)}`);
  });

  it('reaches every machine by scrolling, rendering only the rows in view', async () => {
    const view = await scheduleView();
    const t0 = performance.now();
    await openBoard();
    timings.openBoardMs = Math.round(performance.now() - t0);
    const rowCount = Number(await page.getAttribute(sel('schedule-gantt'), 'data-rows'));
    expect(rowCount).toBe(new Set([...view.machines.map((m) => m.machineId), ...view.orders.map((o) => o.machineId)]).size);
    expect(rowCount).toBeGreaterThan(200);
    const rendered = await page.$$eval('[data-testid="gantt-row"]', (els) => els.length);
    expect(rendered).toBeLessThan(80);
    // the board fills the height left by the page: more than 340 px
    const boardHeight = await page.$eval(sel('schedule-board-scroll'), (el) => el.clientHeight);
    expect(boardHeight).toBeGreaterThan(340);

    const t1 = performance.now();
    await page.$eval(sel('schedule-board-scroll'), (el) => (el.scrollTop = el.scrollHeight));
    await page.waitForSelector(`[data-testid="gantt-row"][data-row="${rowCount - 1}"]`, { timeout: 5_000 });
    timings.scrollToLastMachineMs = Math.round(performance.now() - t1);
    const last = (await rowsInView()).find((r) => r.row === rowCount - 1);
    expect(last, 'the last machine row is inside the scroll box').toBeDefined();
    const lastLabel = await page.textContent(`[data-testid="gantt-row"][data-row="${rowCount - 1}"] .gantt-label`);
    expect(lastLabel).toContain(last!.machineId);
    expect(await page.$$eval('[data-testid="gantt-row"]', (els) => els.length)).toBeLessThan(80);
  });

  it('zooms to fit and by week; wide bars carry order and style', async () => {
    await page.click(sel('schedule-zoom-fit'));
    const fit = await page.$eval(sel('schedule-board-scroll'), (el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth + 1);
    await page.click(sel('schedule-zoom-week'));
    expect(await page.getAttribute(sel('schedule-gantt'), 'data-px-per-day')).toBe('22.00');
    await page.$eval(sel('schedule-board-scroll'), (el) => (el.scrollTop = 0));
    await page.click(sel('schedule-zoom-asof'));
    await page.waitForTimeout(200);
    const labelled = await page.$$eval('[data-testid="gantt-bar"]', (els) =>
      els.filter((e) => e.querySelector('.gantt-bar-label')).map((e) => ({ order: e.getAttribute('data-order'), text: e.textContent })),
    );
    expect(labelled.length).toBeGreaterThan(0);
    const view = await scheduleView();
    for (const l of labelled.slice(0, 20)) {
      const o = view.orders.find((x) => x.orderNo === l.order)!;
      expect(l.text).toBe(`${o.orderNo} · ${o.style}`);
    }
    await screenshots(page, SHOTS, 'schedule-board');
  });

  it('pins a bar dragged onto another machine of its work center, and refuses another build with the reason', async () => {
    await openBoard();
    await page.click(sel('schedule-zoom-week'));
    // find a bar starting after the as-of date with another machine of its style's WC in view, and a row of another build
    let pick: { bar: BarBox; same: { machineId: string; y: number }; other: { machineId: string; wc: string; y: number } } | undefined;
    for (let scroll = 0; scroll < 40 && !pick; scroll++) {
      const rows = await rowsInView();
      for (const bar of await barsInView()) {
        if (bar.start <= asOf) continue;
        const same = rows.find((r) => r.wc === bar.styleWc && r.machineId !== bar.machineId);
        const other = rows.find((r) => r.wc && machineBuild(r.wc) !== machineBuild(bar.styleWc));
        if (same && other) {
          pick = { bar, same, other };
          break;
        }
      }
      if (!pick) await page.$eval(sel('schedule-board-scroll'), (el) => (el.scrollTop += el.clientHeight * 0.6));
    }
    expect(pick, 'a bar with another machine of its WC and one of another build in view').toBeDefined();
    const { bar, same, other } = pick!;

    // refused: another build; the ghost says why, the drop says why, the bar stays, no pin
    await drag(bar, { x: bar.x + 44, y: other.y });
    expect(await page.getAttribute(sel('gantt-ghost'), 'data-verdict')).toBe('refused');
    expect(await page.textContent(sel('gantt-ghost-note'))).toMatch(/^Refused: machine .* cannot knit style/);
    await page.mouse.up();
    const refused = await page.textContent(sel('schedule-drop-status'));
    expect(await page.getAttribute(sel('schedule-drop-status'), 'data-tone')).toBe('refused');
    expect(refused).toContain(`machine ${other.machineId} (WC ${other.wc}) cannot knit style`);
    expect(await page.getAttribute(`[data-testid="gantt-bar"][data-order="${bar.orderNo}"]`, 'data-machine')).toBe(bar.machineId);
    expect((await scheduleView()).orders.find((o) => o.orderNo === bar.orderNo)!.assignment).not.toBe('pinned');
    // the main process refuses the same move on its own
    const direct = await bridge.invoke('schedule.move', { orderNo: bar.orderNo, machineId: other.machineId, start: bar.start });
    expect(direct.ok).toBe(false);
    expect(direct.error?.message).toContain('cannot knit style');

    // accepted: same WC, two days later (snapped to a working day)
    const target = { x: bar.x + 44, y: same.y };
    await drag(bar, target);
    expect(await page.getAttribute(sel('gantt-ghost'), 'data-verdict')).toBe('ok');
    const t0 = performance.now();
    await page.mouse.up();
    await page.waitForSelector(`${sel('schedule-drop-status')}[data-tone="done"]`, { timeout: 90_000 });
    timings.dropToReplannedMs = Math.round(performance.now() - t0);
    const shownMs = Number(await page.getAttribute(sel('schedule-drop-status'), 'data-ms'));
    expect(shownMs).toBeGreaterThan(0);
    timings.dropToReplannedShownMs = shownMs;
    expect(await page.textContent(sel('schedule-drop-status'))).toContain(`Pinned ${bar.orderNo} to machine ${same.machineId}`);
    const after = (await scheduleView()).orders.find((o) => o.orderNo === bar.orderNo)!;
    expect(after.machineId).toBe(same.machineId);
    expect(after.assignment).toBe('pinned');
    expect(after.plannedStart > bar.start).toBe(true);
    // the move is in the action log, undoable like any pin
    const logged = (await bridge.invoke<{ entries: { kind: string; sentence: string; undoable: boolean }[] }>('actions.list', { limit: 1 })).data!
      .entries[0];
    expect(logged).toMatchObject({ kind: 'schedule.move', undoable: true });
    expect(logged.sentence).toContain(`order ${bar.orderNo} `);
    await page.waitForSelector(`[data-testid="gantt-bar"][data-order="${bar.orderNo}"][data-machine="${same.machineId}"]`, { timeout: 10_000 });
    await page.screenshot({ path: join(SHOTS, 'schedule-board-after-drop.png') });
  });

  it('offers a machine of the same build in another work center with a WC-mismatch warning', async () => {
    await openBoard();
    await page.click(sel('schedule-zoom-week'));
    let pick: { bar: BarBox; row: { machineId: string; wc: string; y: number } } | undefined;
    for (let scroll = 0; scroll < 60 && !pick; scroll++) {
      const rows = await rowsInView();
      for (const bar of await barsInView()) {
        if (bar.start <= asOf) continue;
        const row = rows.find((r) => r.wc !== bar.styleWc && r.wc && machineBuild(r.wc) === machineBuild(bar.styleWc));
        if (row) {
          pick = { bar, row };
          break;
        }
      }
      if (!pick) await page.$eval(sel('schedule-board-scroll'), (el) => (el.scrollTop += el.clientHeight * 0.6));
    }
    expect(pick, 'a bar and a machine of the same build in another WC in view').toBeDefined();
    const { bar, row } = pick!;
    await drag(bar, { x: bar.x + 44, y: row.y });
    expect(await page.getAttribute(sel('gantt-ghost'), 'data-verdict')).toBe('warning');
    expect(await page.textContent(sel('gantt-ghost-note'))).toMatch(/^WC mismatch: machine /);
    await page.screenshot({ path: join(SHOTS, 'schedule-board-wc-mismatch-drag.png') });
    await page.mouse.up();
    expect(await page.textContent(sel('confirm-dialog'))).toContain(`WC mismatch: machine ${row.machineId} (WC ${row.wc}) is the same build`);
    await page.click(sel('confirm-cancel'));
    expect(await page.textContent(sel('schedule-drop-status'))).toMatch(/^Not pinned: WC mismatch/);
    expect((await scheduleView()).orders.find((o) => o.orderNo === bar.orderNo)!.assignment).not.toBe('pinned');
    // without the confirmation the main process refuses it too
    const direct = await bridge.invoke('schedule.move', { orderNo: bar.orderNo, machineId: row.machineId, start: bar.start });
    expect(direct.error?.message).toMatch(/Confirm the WC mismatch to pin it\.$/);
  });

  it('"What if this PO is late" from a yarn\'s receipts lands on the planned scenario comparison', async () => {
    const pos = await bridge.invoke<YarnPositionView>('view.yarnPosition', {});
    let yarnId = '';
    for (const r of pos.data!.rows.filter((x) => x.onOrderLbs > 0)) {
      const d = await bridge.invoke<YarnDetailView>('view.yarnDetail', { yarnId: r.yarnId });
      if (d.data!.receipts.some((x) => !x.isDraft)) {
        yarnId = r.yarnId;
        break;
      }
    }
    expect(yarnId).not.toBe('');
    await page.goto(`${bridge.url}#/yarn?yarnId=${encodeURIComponent(yarnId)}`);
    await page.click(sel('yarn-detail-tabs-receipts'), { timeout: 60_000 });
    const button = page.locator(sel('receipt-whatif-late')).first();
    const poNo = (await button.getAttribute('data-po'))!;
    await button.click();
    await page.fill(sel('whatif-days'), '21');
    // what the days count from (its due week, or the as-of date for a past-due line) and where the line lands
    expect(await page.textContent(sel('whatif-days-hint'))).toMatch(
      /^Days late count from (its due week \d{4}-\d{2}-\d{2}|the as-of date \d{4}-\d{2}-\d{2}, as it is past due): it arrives the week of \d{4}-\d{2}-\d{2}\.$/,
    );
    expect(await page.textContent(`${sel('whatif-dialog')} .modal-subtitle`)).not.toContain('due past due');
    await page.screenshot({ path: join(SHOTS, 'whatif-po-late-dialog.png') });
    const t0 = performance.now();
    await page.click(sel('whatif-run'));
    await page.waitForSelector(`${sel('scenario-detail')}[data-plan-state="planned"] ${sel('scenario-comparison')}`, { timeout: 120_000 });
    timings.poLateClickToComparisonMs = Math.round(performance.now() - t0);
    const title = await page.textContent(`${sel('scenario-detail')} .panel-title`);
    expect(title).toMatch(new RegExp(`^PO ${poNo} line \\d+ late 21 days$`));
    expect(await page.textContent(`${sel('scenario-detail')} .panel-subtitle`)).toContain('1 override');
    await screenshots(page, SHOTS, 'whatif-po-late-comparison');
    await page.click(sel('scenario-tabs-overrides'));
    expect(await page.textContent(sel('scenario-overrides'))).toContain(poNo);
  });

  it('reaches a bar with Tab; Enter opens its menu with the focus on the first item, arrows move, Esc closes it back to the bar', async () => {
    await openBoard();
    await page.focus(sel('schedule-zoom-asof'));
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { testId: el?.getAttribute('data-testid') ?? '', order: el?.getAttribute('data-order') ?? '' };
      });
    let at = await focused();
    for (let i = 0; i < 5 && at.testId !== 'gantt-bar'; i++) {
      await page.keyboard.press('Tab');
      at = await focused();
    }
    expect(at.testId, 'Tab from the zoom buttons reaches a bar').toBe('gantt-bar');
    const orderNo = at.order;
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.press('Enter');
    await page.waitForSelector(sel('gantt-menu'));
    timings.barEnterToMenuMs = Math.round((await page.evaluate(() => performance.now())) - t0);
    expect(await page.getAttribute(sel('gantt-menu'), 'data-order')).toBe(orderNo);
    expect((await focused()).testId).toBe('gantt-menu-details');
    await page.keyboard.press('ArrowDown');
    expect((await focused()).testId).toBe('gantt-menu-order-moves');
    await page.screenshot({ path: join(SHOTS, 'gantt-bar-keyboard-menu.png') });
    await page.keyboard.press('Escape');
    expect(await page.$(sel('gantt-menu'))).toBeNull();
    expect(await focused()).toEqual({ testId: 'gantt-bar', order: orderNo });
    // Enter on the focused bar again, then a menu item by keyboard: the details open in the order panel
    await page.keyboard.press('Enter');
    await page.waitForSelector(sel('gantt-menu'));
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${sel('schedule-order')}[data-order="${orderNo}"]`);
    expect(await page.$(sel('gantt-menu'))).toBeNull();
  });

  it('"What if this machine is down" from a bar\'s menu lands on the planned scenario comparison', async () => {
    await openBoard();
    const bar = (await barsInView())[0];
    await page.mouse.click(bar.x, bar.y, { button: 'right' });
    expect(await page.getAttribute(sel('gantt-menu'), 'data-order')).toBe(bar.orderNo);
    await page.click(sel('gantt-menu-machine-down'));
    await page.fill(sel('whatif-from'), asOf);
    await page.fill(sel('whatif-to'), '2099-13-01');
    await page.click(sel('whatif-run'));
    expect(await page.textContent(sel('whatif-error'))).toBe('Down from / to: dates as YYYY-MM-DD.');
    const to = new Date(Date.parse(`${asOf}T00:00:00Z`) + 20 * 86_400_000).toISOString().slice(0, 10);
    await page.fill(sel('whatif-to'), to);
    const t0 = performance.now();
    await page.click(sel('whatif-run'));
    await page.waitForSelector(`${sel('scenario-detail')}[data-plan-state="planned"] ${sel('scenario-comparison')}`, { timeout: 120_000 });
    timings.machineDownClickToComparisonMs = Math.round(performance.now() - t0);
    expect(await page.textContent(`${sel('scenario-detail')} .panel-title`)).toBe(`Machine ${bar.machineId} down ${asOf} to ${to}`);
    await page.screenshot({ path: join(SHOTS, 'whatif-machine-down-comparison.png') });
    await page.click(sel('scenario-tabs-overrides'));
    expect(await page.textContent(sel('scenario-overrides'))).toContain(bar.machineId);
  });

  it('"What if this order moves" from a bar\'s menu pins the new start in a planned scenario', async () => {
    await openBoard();
    const bar = (await barsInView()).find((b) => b.start > asOf)!;
    await page.mouse.click(bar.x, bar.y, { button: 'right' });
    await page.click(sel('gantt-menu-order-moves'));
    const start = await page.inputValue(sel('whatif-start'));
    expect(start).toBe(new Date(Date.parse(`${bar.start}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10));
    const t0 = performance.now();
    await page.click(sel('whatif-run'));
    await page.waitForSelector(`${sel('scenario-detail')}[data-plan-state="planned"] ${sel('scenario-comparison')}`, { timeout: 120_000 });
    timings.orderMovesClickToComparisonMs = Math.round(performance.now() - t0);
    expect(await page.textContent(`${sel('scenario-detail')} .panel-title`)).toBe(`Order ${bar.orderNo} starts ${start}`);
    await page.click(sel('scenario-tabs-overrides'));
    expect(await page.textContent(sel('scenario-overrides'))).toContain(bar.orderNo);
  });

  it('offers "What if late?" on the open PO lines of a suggestion\'s yarn in Purchasing', async () => {
    const purchasing = await bridge.invoke<{ suggestions: { id: string; yarnId: string }[] }>('view.purchasing', {});
    let suggestionId = '';
    for (const sg of purchasing.data!.suggestions) {
      const d = await bridge.invoke<YarnDetailView>('view.yarnDetail', { yarnId: sg.yarnId });
      if (d.data!.receipts.some((x) => !x.isDraft)) {
        suggestionId = sg.id;
        break;
      }
    }
    expect(suggestionId).not.toBe('');
    await page.goto(`${bridge.url}#/purchasing`);
    await page.waitForSelector(`${sel('purchasing-grid')}[data-ready="true"]`, { timeout: 60_000 });
    await page.click(`${sel('purchasing-grid')} [row-id="${suggestionId}"] [col-id="supplierName"]`);
    const button = page.locator(`${sel('purchasing-open-pos')} ${sel('receipt-whatif-late')}`).first();
    const poNo = (await button.getAttribute('data-po', { timeout: 30_000 }))!;
    await button.click();
    expect(await page.textContent(`${sel('whatif-dialog')} .modal-subtitle`)).toMatch(new RegExp(`^PO ${poNo} line \\d+: `));
    await page.click(sel('whatif-cancel'));
    expect(await page.$(sel('whatif-dialog'))).toBeNull();
  });

  it('raised no errors in the page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
