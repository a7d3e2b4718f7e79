// Shared steps of the e2e tests: a session on the demo data, wait for a job kind to finish, and screenshots in light
// and dark at two sizes.
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';
import { startBridgeProcess, waitForPlan, type BridgeProcess } from './bridgeProcess';

export const sel = (testId: string) => `[data-testid="${testId}"]`;

export async function waitForJobsIdle(bridge: BridgeProcess, kind: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const jobs = await bridge.invoke<{ kind: string; status: string; error?: string }[]>('jobs.list');
    const failed = jobs.data?.find((j) => j.kind === kind && j.status === 'failed');
    if (failed) throw new Error(`${kind} failed: ${failed.error}`);
    if (jobs.data?.some((j) => j.kind === kind && j.status === 'done') && !jobs.data.some((j) => j.status === 'running')) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${kind} job did not finish`);
}

/** `name`-{light,dark}-{1366,1920}.png in `dir`; leaves the page light at 1366x768. */
export async function screenshots(page: Page, dir: string, name: string): Promise<void> {
  const theme = async () => (await page.getAttribute(sel('theme-toggle'), 'data-theme-current')) ?? 'light';
  for (const t of ['light', 'dark'] as const) {
    if ((await theme()) !== t) await page.click(sel('theme-toggle'));
    for (const [w, h] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.evaluate(() => (window as unknown as { __bkpWhenReady?: () => Promise<void> }).__bkpWhenReady?.());
      await page.screenshot({ path: join(dir, `${name}-${t}-${w}.png`) });
    }
  }
  if ((await theme()) !== 'light') await page.click(sel('theme-toggle'));
  await page.setViewportSize({ width: 1366, height: 768 });
}

export interface DemoSession {
  bridge: BridgeProcess;
  browser: Browser;
  page: Page;
  /** The page's console errors and uncaught errors, as they come. */
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * The web bridge on the demo data in a fresh database at `dbPath`, its plan and forecast done, and a Chromium page at
 * 1366x768 that collects its console errors.
 */
export async function openDemoSession(dbPath: string, pageOptions: { acceptDownloads?: boolean } = {}): Promise<DemoSession> {
  const bridge = await startBridgeProcess(dbPath);
  let browser: Browser | undefined;
  try {
    await waitForPlan(bridge);
    await waitForJobsIdle(bridge, 'forecast');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, ...pageOptions });
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    const opened = browser;
    return {
      bridge,
      browser,
      page,
      consoleErrors,
      close: async () => {
        await opened.close();
        await bridge.stop();
      },
    };
  } catch (err) {
    await browser?.close();
    await bridge.stop();
    throw err;
  }
}
