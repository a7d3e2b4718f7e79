// Foundation figures: store insert rate, and cold start of the web bridge to the first rendered screen.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { openStore } from '../../src/main/store/db';
import { tempDir } from '../support/tempDb';
import type { BenchArea, BenchFigure } from './types';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser';

function storeInsertRate(): BenchFigure {
  const tmp = tempDir();
  const db = openStore(tmp.dbPath);
  db.exec('CREATE TABLE bench_row (snapshot_id INTEGER, yarn_id TEXT, week TEXT, lbs REAL)');
  const insert = db.prepare('INSERT INTO bench_row VALUES (?, ?, ?, ?)');
  const rows = 500_000;
  const t0 = performance.now();
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(1, `Y${i % 12_000}`, `2025-W${(i % 52) + 1}`, i * 0.5);
  })();
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  tmp.cleanup();
  return { name: 'store insert rate (prepared, one transaction, WAL)', value: rows / seconds, unit: 'rows/s', budget: 200_000, lowerIsBetter: false };
}

async function bridgeColdStart(): Promise<BenchFigure> {
  const tmp = tempDir();
  const t0 = performance.now();
  const proc = spawn(process.execPath, [join(__dirname, '../../out/main/bridge.js'), '--db', tmp.dbPath, '--no-demo'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (c) => {
      out += c.toString();
      const m = /Open (http\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    proc.on('exit', (code) => reject(new Error(`bridge exited with ${code}`)));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid="statusbar"]');
  const ms = performance.now() - t0;
  await browser.close();
  proc.kill('SIGTERM');
  tmp.cleanup();
  return {
    name: 'web bridge cold start to first rendered screen',
    value: ms,
    unit: 'ms',
    budget: 3000,
    note: 'process spawn + store open + browser launch + first paint',
  };
}

export const bench: BenchArea = async () => [storeInsertRate(), await bridgeColdStart()];
