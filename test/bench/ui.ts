// The UI at 10x scale in Chromium through the web bridge: how long the schedule board takes to draw every order.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser';
import { startBridgeProcess, waitForPlan } from '../support/bridgeProcess';
import { tempDir } from '../support/tempDb';
import type { BenchArea } from './types';

export const bench: BenchArea = async () => {
  const tmp = tempDir('bkp-bench-ui-');
  const bridge = await startBridgeProcess(tmp.dbPath, ['--no-demo']);
  try {
    await bridge.invoke('demo.load', { scale: 10 });
    await waitForPlan(bridge, 600_000);
    const view = await bridge.invoke<{ orders: unknown[] }>('view.schedule', {});
    const bars = view.data?.orders.length ?? 0;
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${bridge.url}#/imports`);
    await page.waitForSelector('[data-testid="statusbar"]');
    const t0 = Date.now();
    await page.goto(`${bridge.url}#/schedule`);
    await page.waitForSelector('[data-testid="schedule-gantt"][data-ready="true"]', { timeout: 60_000 });
    const ms = Date.now() - t0;
    await browser.close();
    return [
      {
        name: `schedule board: open the page and draw ${bars} orders (10x demo)`,
        value: ms,
        unit: 'ms',
        budget: 1000,
        note: "navigation + view fetch + the board's first rows (DOM, virtual rows)",
      },
    ];
  } finally {
    await bridge.stop();
    tmp.cleanup();
  }
};
